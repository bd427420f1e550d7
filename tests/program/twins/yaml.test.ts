// A Pulumi YAML program runs under the embedded preview through prodready's interpreter, a Node.js
// program under the SDK against the same in-process engine as a TypeScript program: each twin (the
// same resources written in both languages) registers the same resources and gets the same verdicts.
import * as path from "path";
import { analyzeRun } from "../../../src/analyzer/session";
import { loadProject, runProgram } from "../../../src/program";
import type { ProgramRun } from "../../../src/program/records";
import { sharedAnalyzer } from "../../harness/stack";


function twinDir(twin: string, language: "typescript" | "yaml"): string {
    return path.join(__dirname, twin, language);
}

/** The engine's view of what was registered: URN, parent, dependencies, options, and the inputs policies read. */
function registrations(run: ProgramRun) {
    return run.resources
        .map((r) => ({ urn: r.urn, custom: r.custom, parent: r.parent, dependencies: [...r.dependencies].sort(), protect: r.options.protect, ignoreChanges: r.options.ignoreChanges }))
        .sort((a, b) => a.urn.localeCompare(b.urn));
}

describe("a Pulumi YAML program and its TypeScript twin", () => {
    const analyzer = sharedAnalyzer();

    const verdicts = async (dir: string, config: Record<string, string> = {}) => {
        const project = loadProject(dir, { config });
        const result = await runProgram(project, { timeoutSeconds: 120 });
        const analysis = await analyzeRun(analyzer(), result, { config: project.config });
        const findings = analysis.findings.map((f) => `${f.policy} | ${f.name ?? "(stack)"} | ${f.level} | ${f.outcome}`).sort();
        return { result, findings };
    };

    it.each([
        ["rds-short-backup", "aws-rds-require-backup-retention | orders-db"],
        ["sg-open-ssh", "aws-ec2-disallow-public-admin-ports | bastion"],
        ["s3-unencrypted", "aws-s3-require-encryption | reports"],
        ["k8s-privileged-pod", "kubernetes-workload-disallow-privileged | debug-shell"],
        ["k8s-ingress-no-tls", "kubernetes-ingress-require-tls | storefront"],
    ])("%s: registers the same resources, gets the same verdicts and breaks %s", async (twin, expected) => {
        const typescript = await verdicts(twinDir(twin, "typescript"));
        const yaml = await verdicts(twinDir(twin, "yaml"));
        const ours = registrations(yaml.result);
        if (twin === "k8s-ingress-no-tls") {
            // The TypeScript twin reads the Service's name inside apply, a plain value without a
            // dependency; the template refers to the Service's output, which carries one.
            const ingress = ours.find((r) => r.urn.endsWith("Ingress::storefront"))!;
            expect(ingress.dependencies).toEqual([ingress.parent]);
            ingress.dependencies = [];
        }
        expect(ours).toEqual(registrations(typescript.result));
        expect(yaml.findings).toEqual(typescript.findings);
        expect(yaml.findings.map((f) => f.split(" | ").slice(0, 2).join(" | "))).toContain(expected);
        if (twin === "s3-unencrypted") {
            expect(yaml.findings.join("\n")).not.toContain("aws-s3-require-encryption | archive");
        }
    });

    it("passes --config over Pulumi.<stack>.yaml to the YAML program", async () => {
        const { result, findings } = await verdicts(twinDir("rds-short-backup", "yaml"), { backupRetentionDays: "35" });
        expect(result.resources.find((r) => r.name === "orders-db")?.inputs.backupRetentionPeriod).toBe(35);
        expect(findings.join("\n")).not.toContain("aws-rds-require-backup-retention");
    });

    it("records where each resource is declared in the template", async () => {
        const project = loadProject(twinDir("k8s-ingress-no-tls", "yaml"));
        const result = await runProgram(project, { timeoutSeconds: 120 });
        const ingress = result.resources.find((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress");
        expect(ingress?.source).toEqual({ file: path.join(twinDir("k8s-ingress-no-tls", "yaml"), "Pulumi.yaml"), line: 59, column: 3 });
        expect(result.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.source).toBeUndefined();
    });
});
