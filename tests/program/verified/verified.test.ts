// What `pulumi up` would judge is judged at preview: a bucket policy built from the bucket's ARN, a
// task definition written with jsonStringify from a log group's name, an attachment of a same-stack
// policy by its ARN and a Pod in a namespace the program creates all get verdicts, not unknowns,
// because the program is given stand-ins for the IDs and computed outputs of what it creates.
import * as fs from "fs";
import * as path from "path";
import { analyzeRun } from "../../../src/analyzer/session";
import { loadProject, runProgram } from "../../../src/program";
import type { ProgramRun } from "../../../src/program/records";
import type { Analysis } from "../../../src/report/analysis";
import { sharedAnalyzer } from "../../harness/stack";

const HAVE_VENV = fs.existsSync(path.resolve(__dirname, "..", "..", "..", ".venv-python", "bin", "python"));
const LANGUAGES = ["typescript", ...(HAVE_VENV || process.env.CI ? ["python"] : []), "yaml"];

const JUDGED = [
    ["aws-iam-disallow-wildcard-admin", "admin"],
    ["aws-s3-disallow-public-access", "assets-public"],
    ["kubernetes-workload-disallow-host-namespaces", "root"],
    ["kubernetes-workload-disallow-privileged", "root"],
];
// Pulumi YAML has no jsonStringify over outputs: the task definition is in the other two only.
const TASK_DEFINITION = [["aws-ecs-disallow-privileged-containers", "app"]];

function pairs(analysis: Analysis, outcome: "violation" | "unknown"): string[][] {
    const keys = new Set(analysis.findings.filter((f) => f.outcome === outcome).map((f) => `${f.policy} ${f.name}`));
    return [...keys].sort().map((k) => k.split(" "));
}

describe("judged at preview as at pulumi up", () => {
    const analyzer = sharedAnalyzer();

    test.each(LANGUAGES)("%s: documents, task definitions, attachments and workloads built from outputs get verdicts", async (language) => {
        const project = loadProject(path.join(__dirname, language));
        const run: ProgramRun = await runProgram(project, { timeoutSeconds: 180 });
        const analysis = await analyzeRun(analyzer(), run, { config: project.config });
        const violations = pairs(analysis, "violation");
        for (const expected of [...JUDGED, ...(language === "yaml" ? [] : TASK_DEFINITION)]) {
            expect(violations).toContainEqual(expected);
        }
        expect(pairs(analysis, "unknown")).toEqual([]);
        // The attachment of the same-stack policy is judged: its ARN is known, and not an AWS admin policy.
        const attachment = analysis.findings.filter((f) => f.name === "app-admin");
        expect(attachment.filter((f) => f.policy === "aws-iam-disallow-wildcard-admin")).toEqual([]);
        // What the verdicts rest on is recorded: the resources given stand-in outputs.
        const standIns = new Set((run.standInResources ?? []).map((urn) => urn.split("::").pop()));
        expect([...standIns]).toEqual(expect.arrayContaining(["assets", "admin", "apps"]));
    });

    test("the stand-ins are shaped like the real values", async () => {
        const run = await runProgram(loadProject(path.join(__dirname, "yaml")), { timeoutSeconds: 120 });
        const policy = run.resources.find((r) => r.name === "assets-public")!;
        const document = JSON.parse(String(policy.inputs.policy));
        expect(document.Statement[0].Resource).toMatch(/^arn:aws:s3:::assets-[0-9a-f]{7}\/\*$/);
        const attachment = run.resources.find((r) => r.name === "app-admin")!;
        expect(attachment.inputs.policyArn).toMatch(/^arn:aws:iam::123456789012:policy\/admin-[0-9a-f]{7}$/);
        const pod = run.resources.find((r) => r.name === "root")!;
        expect((pod.inputs.metadata as any).namespace).toMatch(/^apps-[0-9a-z]{8}$/);
    });
});
