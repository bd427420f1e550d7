// One profile per framework (profiles/<framework>.json, written by profiles/write-frameworks.ts):
// the framework's mapped policies mandatory at their default settings, every other policy disabled.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FRAMEWORK_IDS, mappedPolicies } from "../../policies/lib/frameworks";
import { loadPolicies } from "../../policies/registry";
import { resolvePolicyConfig } from "../../src/pack/config";
import { checklistsProfile } from "../../profiles/write-checklists";
import { frameworkProfile } from "../../profiles/write-frameworks";
import { runCliInProcess } from "../harness/cli";
import { PLAIN_DEPLOYMENT } from "./plain-deployment";

const ROOT = path.resolve(__dirname, "..", "..");
const policies = loadPolicies(path.join(ROOT, "policies"));
const profile = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "profiles", `${name}.json`), "utf8")) as Record<string, unknown>;

describe.each(FRAMEWORK_IDS)("the %s profile", (framework) => {
    it("is the one profiles/write-frameworks.ts writes from the catalog", () => {
        expect(profile(framework)).toEqual(frameworkProfile(framework));
    });

    it("makes exactly the framework's mapped policies mandatory, at their default settings, and disables the rest", () => {
        const mapped = new Set(mappedPolicies(framework));
        expect(mapped.size).toBeGreaterThan(10);
        const defaults = checklistsProfile();
        const resolved = resolvePolicyConfig(policies, profile(framework), framework);
        for (const [name, { enforcementLevel, properties }] of resolved) {
            expect([name, enforcementLevel]).toEqual([name, mapped.has(name) ? "mandatory" : "disabled"]);
            const { enforcementLevel: _level, ...settings } = defaults[name];
            expect([name, properties]).toEqual([name, expect.objectContaining(settings)]);
        }
        expect([...resolved.keys()].filter((n) => mapped.has(n)).sort()).toEqual([...mapped].sort());
    });
});


async function violations(args: string[]): Promise<{ code: number; policies: string[]; levels: string[] }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-framework-profile-"));
    const file = path.join(dir, "web.yaml");
    fs.writeFileSync(file, PLAIN_DEPLOYMENT);
    try {
        const run = await runCliInProcess(["manifests", file, "--format", "json", "--quiet", ...args]);
        const findings = (JSON.parse(run.stdout) as { findings: Array<{ policy: string; outcome: string; enforcementLevel: string }> }).findings.filter((f) => f.outcome === "violation");
        return { code: run.code, policies: [...new Set(findings.map((f) => f.policy))].sort(), levels: [...new Set(findings.map((f) => f.enforcementLevel))] };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("--profile cis-kubernetes", () => {
    jest.setTimeout(120000);

    it("fails a default pod on the benchmark's controls only, each mandatory", async () => {
        const defaults = await violations([]);
        // The pack's own defaults find more than the benchmark asks (probes, resource limits).
        expect(defaults.policies).toEqual(expect.arrayContaining(["kubernetes-workload-require-probes", "kubernetes-workload-require-resource-limits"]));
        const cis = await violations(["--profile", "cis-kubernetes"]);
        expect(cis.code).toBe(1);
        expect(cis.levels).toEqual(["mandatory"]);
        expect(cis.policies).toEqual(expect.arrayContaining([
            "kubernetes-workload-disallow-privilege-escalation",
            "kubernetes-workload-require-drop-all-capabilities",
            "kubernetes-workload-require-non-root",
            "kubernetes-workload-require-seccomp-profile",
        ]));
        const mapped = new Set(mappedPolicies("cis-kubernetes"));
        expect(cis.policies.filter((p) => !mapped.has(p))).toEqual([]);
        // Every violation of a mapped policy under the defaults is one under the profile too.
        expect(cis.policies).toEqual(defaults.policies.filter((p) => mapped.has(p)));
    });
});
