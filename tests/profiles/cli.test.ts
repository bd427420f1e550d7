// `prodready manifests --profile <name>` judges with profiles/<name>.json as the policy-pack config.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { overlayPackConfig, packConfigOf, profileNames } from "../../src/pack/config-file";
import { runCliInProcess } from "../harness/cli";
import { PLAIN_DEPLOYMENT } from "./plain-deployment";

interface Run { code: number; report?: { findings: Array<{ policy: string; outcome: string }> }; error?: string }

async function manifests(args: string[]): Promise<Run> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-profile-"));
    const file = path.join(dir, "web.yaml");
    fs.writeFileSync(file, PLAIN_DEPLOYMENT);
    try {
        const run = await runCliInProcess(["manifests", file, "--format", "json", ...args]);
        return run.code === 2 ? { code: 2, error: run.stderr } : { code: run.code, report: JSON.parse(run.stdout) };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

const policiesOf = (run: Run) => [...new Set((run.report?.findings ?? []).filter((f) => f.outcome === "violation").map((f) => f.policy))].sort();

describe("--profile", () => {
    jest.setTimeout(120000);

    it("lists the shipped profiles", () => {
        expect(profileNames()).toEqual(["aws-well-architected", "checklists", "cis-aws-foundations", "cis-kubernetes", "pss-baseline", "pss-restricted"]);
    });

    it("passes a default pod under pss-baseline and fails it under pss-restricted, on the restricted controls only", async () => {
        const baseline = await manifests(["--profile", "pss-baseline"]);
        expect([baseline.code, policiesOf(baseline)]).toEqual([0, []]);
        const restricted = await manifests(["--profile", "pss-restricted"]);
        expect(restricted.code).toBe(1);
        expect(policiesOf(restricted)).toEqual([
            "kubernetes-workload-disallow-privilege-escalation",
            "kubernetes-workload-require-drop-all-capabilities",
            "kubernetes-workload-require-non-root",
            "kubernetes-workload-require-seccomp-profile",
        ]);
    });

    it("lets a --policy-pack-config file override the profile's entries", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-profile-config-"));
        const config = path.join(dir, "config.json");
        fs.writeFileSync(config, JSON.stringify({
            "kubernetes-workload-require-non-root": "disabled",
            "kubernetes-workload-require-seccomp-profile": { allowUnset: true },
            "kubernetes-workload-disallow-privilege-escalation": "advisory",
            "kubernetes-workload-require-drop-all-capabilities": "disabled",
        }));
        const run = await manifests(["--profile", "pss-restricted", "--policy-pack-config", config]);
        fs.rmSync(dir, { recursive: true, force: true });
        // Advisory now: reported, but the run passes.
        expect([run.code, policiesOf(run)]).toEqual([0, ["kubernetes-workload-disallow-privilege-escalation"]]);
    });

    it("fails on an unknown profile, naming the available ones", async () => {
        expect(() => packConfigOf({ profile: "pss-strict" })).toThrow('unknown profile "pss-strict" (available: aws-well-architected, checklists, cis-aws-foundations, cis-kubernetes, pss-baseline, pss-restricted)');
        const run = await manifests(["--profile", "pss-strict"]);
        expect(run.code).toBe(2);
        expect(run.error).toContain("available: aws-well-architected, checklists, cis-aws-foundations, cis-kubernetes, pss-baseline, pss-restricted");
    });

    it("overlays a file over a profile entry by entry, setting by setting", () => {
        const profile = { all: "disabled", a: { enforcementLevel: "mandatory", x: 1, y: 2 }, b: "mandatory" };
        expect(overlayPackConfig(profile, { all: "advisory", a: { y: 3 }, b: { z: true }, c: "advisory" })).toEqual({
            all: "advisory",
            a: { enforcementLevel: "mandatory", x: 1, y: 3 },
            b: { enforcementLevel: "mandatory", z: true },
            c: "advisory",
        });
        expect(overlayPackConfig(profile, { a: "advisory" })).toEqual({ ...profile, a: { enforcementLevel: "advisory", x: 1, y: 2 } });
    });
});
