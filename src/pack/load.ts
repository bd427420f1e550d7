// The policy pack loaded in-process, for what the Analyzer protocol does not carry: each policy's
// resource types, the pack's name and version, and the exemption rules (policies/lib/exemptions.ts)
// used to check exemptions written on resources and to work exemptions out again from an event log.
// Loaded from the pack's compiled bin/, or its sources under ts-node/jest.
import * as fs from "fs";
import * as path from "path";
import type { Priority } from "../../policies/lib/contract";
import { packageRoot } from "../paths";
import type { PolicyConfigInfo } from "./config";
import type { PackGrammar } from "./exemptions";

/** The pack that ships with prodready. */
export const DEFAULT_PACK_DIR = path.join(packageRoot(), "policies");

/**
 * What a policy judges: the types a resource policy lists or a stack policy reads, and for a resource
 * policy with `appliesTo`, types matched by shape.
 */
export interface PolicyScope {
    resourceTypes: readonly string[];
    appliesTo?: (type: string, props: Record<string, unknown>) => boolean;
}

/** A policy of the pack as the registry loads it (policies/registry.ts). */
export interface PackPolicy extends PolicyConfigInfo, Partial<PolicyScope> {
    description: string;
    severity?: string;
    tags?: string[];
    remediationSteps?: string;
    framework?: { reference?: string };
    /** Typed on prodready's policies (policies/lib/define.ts); the same as the `priority:` tag and the framework reference. */
    priority?: Priority;
    checklist?: readonly string[];
    // `resourceTypes` is set on a resource policy and on a stack policy alike (one without
    // `validateResource`); `appliesTo` is set when a resource policy also judges types matched by shape.
    validateResource?: unknown;
    validateStack?: unknown;
}

/** A pack as the engine names it in its events (GetAnalyzerInfo): the PolicyPack's name and the pack's version. */
export interface PackIdentity {
    name?: string;
    version?: string;
}

export interface PackModules extends Pick<PackGrammar, "decide" | "exemptionReason"> {
    loadPolicies(root?: string): PackPolicy[];
    /**
     * The name the pack's entry gives its PolicyPack (`PACK_NAME`), and the version in its
     * package.json, where the policy SDK reads it (@pulumi/policy policy.js).
     */
    identity(): PackIdentity;
}

/**
 * Where a module of the pack is: its TypeScript source when running under ts-node or jest, else
 * its compiled bin/. Undefined when the pack has no such module.
 */
function packModule(packDir: string, module: string): { root: string; file: string; ext: string } | undefined {
    const roots = __filename.endsWith(".ts") ? [packDir, path.join(packDir, "bin")] : [path.join(packDir, "bin")];
    for (const root of roots) {
        const ext = root === packDir ? ".ts" : ".js";
        const file = path.join(root, `${module}${ext}`);
        if (fs.existsSync(file)) {
            return { root, file, ext };
        }
    }
    return undefined;
}

/** The pack's policies and exemption rules; undefined for a pack without prodready's registry. */
export function loadPack(dir: string): PackModules | undefined {
    const packDir = path.resolve(dir);
    const found = packModule(packDir, "registry");
    if (!found) {
        return undefined;
    }
    const { root, file, ext } = found;
    /* eslint-disable @typescript-eslint/no-require-imports */
    const registry = require(file);
    const exemptions: Partial<PackGrammar> = fs.existsSync(path.join(root, "lib", `exemptions${ext}`)) ? require(path.join(root, "lib", `exemptions${ext}`)) : {};
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { loadPolicies: () => registry.loadPolicies(root), decide: exemptions.decide, exemptionReason: exemptions.exemptionReason,
        identity: () => packIdentity(packDir, path.join(root, `pack${ext}`)) };
}

/** The pack's exemption grammar; undefined for a pack that has none (a pack other than prodready). */
export function loadPackGrammar(packDir: string): PackGrammar | undefined {
    const found = packModule(packDir, path.join("lib", "exemptions"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return found ? (require(found.file) as PackGrammar) : undefined;
}

function packIdentity(packDir: string, entry: string): PackIdentity {
    let version: unknown;
    try {
        version = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")).version;
    } catch {
        version = undefined;
    }
    // The entry only declares the pack (it starts nothing on import), but loads the policy SDK: read it when asked.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const name: unknown = fs.existsSync(entry) ? require(entry).PACK_NAME : undefined;
    return { ...(typeof name === "string" && name ? { name } : {}), ...(typeof version === "string" && version ? { version } : {}) };
}

const typesByPack = new Map<string, Map<string, PolicyScope>>();

/**
 * What each policy of the pack judges (a resource policy) or reads (a stack policy), by policy name;
 * undefined when the pack cannot be loaded in-process (a pack other than prodready's).
 */
export function packResourceTypes(packDir: string): Map<string, PolicyScope> | undefined {
    const key = path.resolve(packDir);
    let types = typesByPack.get(key);
    if (!types) {
        const pack = loadPack(key);
        if (!pack) {
            return undefined;
        }
        types = new Map(pack.loadPolicies().filter((p) => p.resourceTypes)
            .map((p) => [p.name, { resourceTypes: p.resourceTypes!, ...(p.appliesTo ? { appliesTo: p.appliesTo } : {}) }] as const));
        typesByPack.set(key, types);
    }
    return types;
}
