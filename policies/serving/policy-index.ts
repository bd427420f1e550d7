// The pack serves over 200 policies, one module each, and loading them all is most of what the
// pack adds to the SDK's start. The engine needs every policy's metadata at once (GetAnalyzerInfo),
// but a policy's code only when a resource it judges arrives, and with Analyze by type a stack
// without AWS resources never calls an AWS policy. The build writes the metadata of the compiled
// policies to an index (`node bin/serving/policy-index.js`); the pack then starts from the index,
// each policy's functions loading its module on first call. The index carries a fingerprint of
// every compiled module: after any change without a new index, the pack loads every module as before.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import type { ProdreadyPolicy } from "../lib/define";
import { loadPolicies, policyFiles } from "../registry";

/** Set to "0" to load every policy module at start (the plain path). */
export const LAZY_POLICIES_SWITCH = "PRODREADY_LAZY_POLICIES";

/** The index's file name, next to the compiled registry. */
export const POLICY_INDEX = "policy-index.json";

/** One field of a policy: a value as JSON, or a function with the type tag the SDK reads. */
type Field = { key: string; value: unknown } | { key: string; function: { pulumiType?: string } };

interface IndexEntry {
    /** The module, relative to the index. */
    file: string;
    name: string;
    fields: Field[];
}

export interface PolicyIndex {
    fingerprint: string;
    policies: IndexEntry[];
}

/** Every compiled module below `root`, with its size and time: what the metadata is made from. */
export function fingerprint(root: string): string {
    const hash = crypto.createHash("sha256");
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== "node_modules") {
                walk(full);
            } else if (entry.isFile() && entry.name.endsWith(".js")) {
                const stat = fs.statSync(full);
                hash.update(`${path.relative(root, full)}\0${stat.size}\0${stat.mtimeMs}\n`);
            }
        }
    };
    walk(root);
    return hash.digest("hex");
}

function tagOf(fn: unknown): { pulumiType?: string } {
    const tag = (fn as { __pulumiType?: unknown }).__pulumiType;
    return typeof tag === "string" ? { pulumiType: tag } : {};
}

/** The index of the policies compiled below `root`; throws when a policy holds what JSON cannot carry. */
export function buildPolicyIndex(root: string): PolicyIndex {
    const files = policyFiles(root);
    const policies = loadPolicies(root);
    return {
        fingerprint: fingerprint(root),
        policies: policies.map((policy, i) => {
            const fields = Object.entries(policy).map(([key, value]): Field => (typeof value === "function" ? { key, function: tagOf(value) } : { key, value }));
            for (const field of fields) {
                if ("value" in field && !isDeepStrictEqual(JSON.parse(JSON.stringify(field.value) ?? "null"), field.value)) {
                    throw new Error(`${policy.name}: its ${field.key} does not survive JSON, so it cannot be indexed`);
                }
            }
            return { file: path.relative(root, files[i].file), name: policy.name, fields };
        }),
    };
}

/** Writes the index of the policies compiled below `root` (the build's last step). */
export function writePolicyIndex(root: string): string {
    const file = path.join(root, POLICY_INDEX);
    fs.writeFileSync(file, `${JSON.stringify(buildPolicyIndex(root))}\n`);
    return file;
}

/** A policy made from its index entry: the same fields, its functions loading the module on first call. */
function policyFromIndex(root: string, entry: IndexEntry): ProdreadyPolicy {
    let loaded: Record<string, unknown> | undefined;
    const load = (): Record<string, unknown> => {
        if (!loaded) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const policy = require(path.join(root, entry.file)).default as Record<string, unknown> | undefined;
            if (!policy || policy.name !== entry.name) {
                throw new Error(`${entry.file} no longer exports the policy ${entry.name}: rebuild the pack`);
            }
            loaded = policy;
        }
        return loaded;
    };
    const policy: Record<string, unknown> = {};
    for (const field of entry.fields) {
        if ("value" in field) {
            policy[field.key] = field.value;
        } else {
            const key = field.key;
            const call = function (this: unknown, ...args: unknown[]) {
                return (load()[key] as (...a: unknown[]) => unknown).apply(this, args);
            };
            policy[key] = field.function.pulumiType === undefined ? call : Object.assign(call, { __pulumiType: field.function.pulumiType });
        }
    }
    return policy as unknown as ProdreadyPolicy;
}

/**
 * The pack's policies from the index below `root` when it is there and matches the compiled modules,
 * with a reason when not: then the caller loads every module.
 */
export function indexedPolicies(root: string, env: NodeJS.ProcessEnv = process.env): { policies: ProdreadyPolicy[] } | { reason: string } {
    if (env[LAZY_POLICIES_SWITCH] === "0") {
        return { reason: `${LAZY_POLICIES_SWITCH}=0` };
    }
    let index: PolicyIndex;
    try {
        index = JSON.parse(fs.readFileSync(path.join(root, POLICY_INDEX), "utf8")) as PolicyIndex;
    } catch {
        return { reason: `no ${POLICY_INDEX} in ${root}` };
    }
    if (index.fingerprint !== fingerprint(root)) {
        return { reason: `${POLICY_INDEX} is older than the compiled policies` };
    }
    return { policies: policiesFromIndex(root, index) };
}

/** The policies an index describes, each loading its module below `root` on first call. */
export function policiesFromIndex(root: string, index: PolicyIndex): ProdreadyPolicy[] {
    return index.policies.map((entry) => policyFromIndex(root, entry));
}

if (require.main === module) {
    // Run by the build, from the compiled pack: bin/serving/policy-index.js writes bin/policy-index.json.
    const file = writePolicyIndex(path.join(__dirname, ".."));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
