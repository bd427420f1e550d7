// The pack starts from an index of its policies' metadata, each module loading on first use: the
// policies it serves must be the compiled ones, field for field, and a stale index must not be used.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_PACK_DIR } from "../../src/pack/load";
import { loadPolicies } from "../../policies/registry";
import { buildPolicyIndex, indexedPolicies, LAZY_POLICIES_SWITCH, policiesFromIndex, POLICY_INDEX, writePolicyIndex } from "../../policies/serving/policy-index";

const COMPILED = path.join(DEFAULT_PACK_DIR, "bin");

/** A policy as the SDK and the engine read it: values as they are, functions by their type tag. */
function described(policy: object): Array<[string, unknown]> {
    return Object.entries(policy).map(([key, value]) => [key, typeof value === "function" ? { function: (value as { __pulumiType?: unknown }).__pulumiType ?? null } : value]);
}

describe("the pack's policy index", () => {
    it("describes every compiled policy exactly as its module does", () => {
        const index = buildPolicyIndex(COMPILED);
        const lazy = policiesFromIndex(COMPILED, index);
        const loaded = loadPolicies(COMPILED);
        expect(lazy.length).toBe(loaded.length);
        expect(lazy.length).toBeGreaterThan(200);
        expect(lazy.map(described)).toEqual(loaded.map(described));
    });

    it("loads a policy's module only when the policy is first called, then judges with it", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-index-"));
        const dir = path.join(root, "aws", "thing");
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, "require-x.js");
        fs.writeFileSync(file, `
const validate = (args, report) => { if (!args.props.x) report("no x on " + args.name); };
exports.default = { name: "aws-thing-require-x", description: "d", enforcementLevel: "advisory", resourceTypes: ["aws:thing/thing:Thing"],
  configSchema: { properties: { limit: { type: "integer", default: 3 } } }, validateResource: Object.assign(validate, { __pulumiType: "aws:thing/thing:Thing" }) };
`);
        writePolicyIndex(root);
        // In a process of its own, as the pack starts: the compiled index module, Node's own module cache.
        const script = `
const served = require(${JSON.stringify(path.join(COMPILED, "serving", "policy-index.js"))}).indexedPolicies(${JSON.stringify(root)}, {});
if (!served.policies) throw new Error(served.reason);
const [policy] = served.policies;
const loaded = () => require.cache[${JSON.stringify(file)}] !== undefined;
const before = loaded();
const reports = [];
policy.validateResource({ name: "t", props: {} }, (m) => reports.push(m));
console.log(JSON.stringify({ name: policy.name, tag: policy.validateResource.__pulumiType, before, after: loaded(), reports }));
`;
        const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
        expect(JSON.parse(out)).toEqual({ name: "aws-thing-require-x", tag: "aws:thing/thing:Thing", before: false, after: true, reports: ["no x on t"] });

        // Switched off, or after a module changed without a new index: every module loads as before.
        expect(indexedPolicies(root, { [LAZY_POLICIES_SWITCH]: "0" })).toEqual({ reason: `${LAZY_POLICIES_SWITCH}=0` });
        const later = new Date(Date.now() + 5000);
        fs.utimesSync(file, later, later);
        expect(indexedPolicies(root, {})).toEqual({ reason: `${POLICY_INDEX} is older than the compiled policies` });
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("refuses to index a policy whose metadata JSON cannot carry", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-index-"));
        fs.mkdirSync(path.join(root, "kubernetes"), { recursive: true });
        fs.writeFileSync(path.join(root, "kubernetes", "odd.js"), `exports.default = { name: "kubernetes-odd", description: "d", when: new Date(0), validateStack: () => undefined };\n`);
        expect(() => buildPolicyIndex(root)).toThrow(/kubernetes-odd: its when does not survive JSON/);
        fs.rmSync(root, { recursive: true, force: true });
    });
});
