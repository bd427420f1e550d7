// A team's own pack runs beside prodready's (`--policy-pack <dir>`, repeatable), as `pulumi preview`
// runs several packs: each finding keeps its pack, the report lists every pack, and a mandatory
// violation of either fails the run. Through the command line (after `npx tsc -p tsconfig.build.json`).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { runCli } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const PRIVILEGED = "kubernetes-workload-disallow-privileged";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-packs-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A pack of the team's own: pods must name their owner in a label. */
function teamPack(name: string, policy: string, level: "mandatory" | "advisory"): string {
    const dir = fs.mkdtempSync(path.join(work, `${name}-`));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "1.2.0", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), `
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack(${JSON.stringify(name)}, { policies: [{ name: ${JSON.stringify(policy)}, description: "Pods name their owner.", enforcementLevel: ${JSON.stringify(level)},
    validateResource: (args, report) => { if (args.type === "kubernetes:core/v1:Pod" && !(args.props.metadata && args.props.metadata.labels && args.props.metadata.labels.owner)) report("pod has no owner label: add metadata.labels.owner"); } }] });
`);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

const POD = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: debug-shell", "  namespace: tools", "spec:", "  containers:",
    "    - name: shell", "      image: busybox:1.36", "      securityContext:", "        privileged: true", ""].join("\n");
fs.writeFileSync(path.join(work, "pod.yaml"), POD);

const prodready = (...args: string[]) => runCli(args, { cwd: work, timeoutMs: 180_000 });

const team = teamPack("team-rules", "team-require-owner-label", "mandatory");

describe("--policy-pack beside prodready's own pack", () => {
    it("manifests: runs both packs, keeps each finding's pack, and lists both packs", () => {
        const result = prodready("manifests", "pod.yaml", "--policy-pack", team, "--format", "json", "--output", "sarif=out.sarif", "--output", "text=out.txt");
        expect(result.stderr).toBe("");
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout);
        expect(report.pack).toEqual({ name: "production-readiness", version: expect.any(String) });
        expect(report.packs).toEqual([report.pack, { name: "team-rules", version: "1.2.0" }]);
        const finding = (policy: string) => report.findings.find((f: { policy: string }) => f.policy === policy);
        expect(finding("team-require-owner-label")).toMatchObject({ pack: "team-rules", outcome: "violation", enforcementLevel: "mandatory", message: "pod has no owner label: add metadata.labels.owner", location: { file: "pod.yaml", line: 1 } });
        expect(finding(PRIVILEGED)).toMatchObject({ pack: "production-readiness", outcome: "violation" });
        expect(report.policies.find((p: { name: string }) => p.name === "team-require-owner-label")).toMatchObject({ pack: "team-rules", enforcementLevel: "mandatory" });
        const sarif: Log = JSON.parse(fs.readFileSync(path.join(work, "out.sarif"), "utf8"));
        expect(sarif.runs[0].results!.find((r) => r.ruleId === "team-require-owner-label")!.properties).toMatchObject({ pack: "team-rules" });
        const text = fs.readFileSync(path.join(work, "out.txt"), "utf8");
        expect(text).toContain(`production-readiness@v${report.pack.version}, team-rules@v1.2.0`);
        expect(text).toMatch(/\[mandatory\] {2}team-require-owner-label {2}\(kubernetes:core\/v1:Pod: tools\/debug-shell\) {2}pod\.yaml:1 {2}\[pack team-rules\]/);
    }, 180000);

    it("fails the run on the team pack's mandatory violation alone", () => {
        // prodready's own pack all advisory: only the team's mandatory policy can fail the run.
        fs.writeFileSync(path.join(work, "advisory.json"), JSON.stringify({ all: "advisory" }));
        const base = ["manifests", "pod.yaml", "--policy-pack-config", "advisory.json", "--format", "json"];
        expect(prodready(...base).code).toBe(0);
        const withTeam = prodready(...base, "--policy-pack", team);
        expect(withTeam.code).toBe(1);
        expect(JSON.parse(withTeam.stdout).summary.mandatory).toBe(1);
    }, 180000);

    it("runs several packs, and refuses two that share a policy name", () => {
        const second = teamPack("platform-rules", "platform-require-owner-label", "advisory");
        const both = prodready("manifests", "pod.yaml", "--policy-pack", team, "--policy-pack", second, "--format", "json");
        expect(both.code).toBe(1);
        expect(JSON.parse(both.stdout).packs.map((p: { name: string }) => p.name)).toEqual(["production-readiness", "team-rules", "platform-rules"]);
        const clash = teamPack("clashing-rules", "team-require-owner-label", "advisory");
        const refused = prodready("manifests", "pod.yaml", "--policy-pack", team, "--policy-pack", clash);
        expect(refused.code).toBe(2);
        expect(refused.stderr.trim()).toBe(`prodready: error: policy "team-require-owner-label" is in both team-rules and clashing-rules: the report names policies by name, so one pack must rename it`);
        const twice = prodready("manifests", "pod.yaml", "--policy-pack", team, "--policy-pack", team);
        expect(twice.code).toBe(2);
        expect(twice.stderr.trim()).toBe(`prodready: error: the policy pack ${team} is given twice to --policy-pack`);
    }, 180000);

    it("preview: runs the team pack beside prodready's on a program", () => {
        const dir = fs.mkdtempSync(path.join(work, "program-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: shop\nruntime: nodejs\n");
        fs.writeFileSync(path.join(dir, "index.ts"), [
            `import * as k8s from "@pulumi/kubernetes";`,
            `new k8s.core.v1.Pod("debug-shell", { metadata: { namespace: "tools" }, spec: { containers: [{ name: "shell", image: "busybox:1.36" }] } });`, ""].join("\n"));
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
        const result = prodready("preview", dir, "--policy-pack", team, "--format", "json");
        expect(result.stderr).toBe("");
        const report = JSON.parse(result.stdout);
        expect(report.packs.map((p: { name: string }) => p.name)).toEqual(["production-readiness", "team-rules"]);
        expect(report.findings.find((f: { policy: string }) => f.policy === "team-require-owner-label")).toMatchObject({ pack: "team-rules", outcome: "violation" });
        expect(result.code).toBe(1);
    }, 180000);
});
