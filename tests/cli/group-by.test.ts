// `--group-by <framework>` on the commands that print a report: the findings by control of the
// framework, in text, Markdown and JSON, from manifests and from a real preview's event log.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCliInProcess } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "tests", "report", "fixtures");
const LOG = path.join(FIXTURES, "preview.event-log.jsonl");
const RAN_WITH = path.join(FIXTURES, "preview.policy-pack-config.json");

const POD = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: debug-shell", "  namespace: tools", "spec:", "  containers:",
    "    - name: shell", "      image: busybox:1.36", "      securityContext:", "        privileged: true", ""].join("\n");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-group-by-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const pod = path.join(work, "pod.yaml");
fs.writeFileSync(pod, POD);

interface Grouped { frameworkControls?: { framework: { id: string }; controls: Array<{ id: string; verdict: string; findings: Array<{ policy: string }> }>; unmapped: { findings: number } } }

describe("--group-by", () => {
    jest.setTimeout(120000);

    it("groups a manifest run's findings by CIS Kubernetes control in JSON, with the same gate", async () => {
        const plain = await runCliInProcess(["manifests", pod, "--format", "json", "--quiet"]);
        const run = await runCliInProcess(["manifests", pod, "--format", "json", "--quiet", "--group-by", "cis-kubernetes"]);
        expect(run.code).toBe(plain.code);
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as Grouped;
        expect((JSON.parse(plain.stdout) as Grouped).frameworkControls).toBeUndefined();
        expect(report.frameworkControls!.framework.id).toBe("cis-kubernetes");
        const privileged = report.frameworkControls!.controls.find((c) => c.id === "5.2.2")!;
        expect(privileged.verdict).toBe("failing");
        expect(privileged.findings.map((f) => f.policy)).toEqual(["kubernetes-workload-disallow-privileged"]);
        // No host namespace is shared: its policy ran and found nothing.
        expect(report.frameworkControls!.controls.find((c) => c.id === "5.2.3")!.verdict).toBe("passing");
        // RBAC controls have no object to judge here, and pass: their policies are enabled.
        expect(report.frameworkControls!.controls.find((c) => c.id === "5.1.3")!.verdict).toBe("passing");
        // Findings of policies CIS does not map (probes, resource limits) are counted apart.
        expect(report.frameworkControls!.unmapped.findings).toBeGreaterThan(0);
    });

    it("shows the grouping in the text and Markdown reports, and keeps it out of SARIF", async () => {
        const text = await runCliInProcess(["manifests", pod, "--quiet", "--group-by", "cis-kubernetes"]);
        expect(text.stdout).toContain("By CIS Kubernetes Benchmark v1.12.0 control:");
        expect(text.stdout).toMatch(/5\.2\.2 {2}Minimize the admission of privileged containers: failing {2}\(kubernetes-workload-disallow-privileged\)\n {12}- \[mandatory\] {2}kubernetes-workload-disallow-privileged {2}\(kubernetes:core\/v1:Pod: tools\/debug-shell\)/);
        const markdown = await runCliInProcess(["manifests", pod, "--quiet", "--format", "markdown", "--group-by", "cis-kubernetes"]);
        expect(markdown.stdout).toContain("### By CIS Kubernetes Benchmark v1.12.0 control");
        expect(markdown.stdout).toMatch(/\| `5\.2\.2` Minimize the admission of privileged containers \| ❌ failing \| 1 \(1 mandatory\) \|/);
        const sarif = await runCliInProcess(["manifests", pod, "--quiet", "--format", "sarif", "--group-by", "cis-kubernetes"]);
        const plainSarif = await runCliInProcess(["manifests", pod, "--quiet", "--format", "sarif"]);
        expect(JSON.parse(sarif.stdout).runs[0].results).toEqual(JSON.parse(plainSarif.stdout).runs[0].results);
    });

    it("groups a real preview's event log by AWS Well-Architected best practice (report)", async () => {
        const run = await runCliInProcess(["report", LOG, "--policy-pack-config", RAN_WITH, "--format", "json", "--quiet", "--group-by", "aws-well-architected"]);
        const report = JSON.parse(run.stdout) as Grouped;
        const layered = report.frameworkControls!.controls.find((c) => c.id === "SEC05-BP02")!;
        expect(layered.findings.map((f) => f.policy)).toContain("aws-ec2-restrict-public-ingress");
        expect(layered.verdict).toBe("failing");
    });

    it("refuses a framework it does not know, naming the ones it does", async () => {
        const run = await runCliInProcess(["manifests", pod, "--group-by", "cis-docker"]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toMatch(/^prodready: error: option '--group-by <framework>' argument 'cis-docker' is invalid\. Allowed choices are aws-well-architected, cis-kubernetes, cis-aws-foundations\./);
    });

    it("says in --help which formats show it", async () => {
        const help = await runCliInProcess(["manifests", "--help"]);
        expect(help.stdout.replace(/\s+/g, " ")).toContain("--group-by <framework> also group the findings by the controls of a framework");
        expect(help.stdout.replace(/\s+/g, " ")).toContain("shown by the text, markdown and json formats; the other formats ignore it");
    });
});
