// A mandatory policy that could not judge a resource during preview leaves it not verified: the run
// fails (exit 1) unless the policy-pack config allows it (`allowUnknown`), and every format shows it
// as its own category, read from the one report model.
import Ajv from "ajv";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { buildProgram, EXIT_OK, EXIT_VIOLATIONS } from "../../src/cli";
import type { Analysis } from "../../src/report/analysis";
import { disabledP0Policies, Report, reportFromAnalysis, unknownProperty } from "../../src/report/document";
import { render } from "../../src/report/index";
import { buildSarif } from "../../src/report/sarif";
import { analysis, catalog, resourceTypes, subjects } from "./fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const LOG = path.join(__dirname, "fixtures", "preview.event-log.jsonl");
/** The policy-pack config the preview of LOG ran with. */
const RAN_WITH = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "preview.policy-pack-config.json"), "utf8"));
const BACKUPS = "aws-rds-require-backup-retention";
const REASON = "depends on a value unknown during preview: backupRetentionPeriod";

function report(changes: Partial<Analysis> = {}): Report {
    return reportFromAnalysis({ ...analysis, ...changes }, { catalog, source: { kind: "preview", target: "stacks/shop" }, subjects, resourceTypes });
}

/** The fixture with no violation at all: its one finding is the unknown of the mandatory backup-retention policy. */
const onlyUnknown: Partial<Analysis> = { findings: analysis.findings.filter((f) => f.outcome === "unknown") };

describe("an unknown of a mandatory policy", () => {
    it("is not verified and fails the gate, though no violation was found", () => {
        const r = report(onlyUnknown);
        expect(r.summary).toMatchObject({ mandatory: 0, advisory: 0, unknown: 1, notVerified: 1, passed: false });
        expect(r.findings).toEqual([expect.objectContaining({ policy: BACKUPS, outcome: "unknown", name: "app-db",
            notVerified: { reason: REASON, property: "backupRetentionPeriod" } })]);
    });

    it("passes when the policy-pack config allows unknowns for the policy", () => {
        const r = report({ ...onlyUnknown, allowUnknown: [BACKUPS] });
        expect(r.summary).toMatchObject({ unknown: 1, notVerified: 0, passed: true });
        expect(r.findings[0].notVerified).toBeUndefined();
        expect(r.policies.find((p) => p.name === BACKUPS)).toMatchObject({ enforcementLevel: "mandatory", allowUnknown: true });
        expect(render(r, "text")).toContain("Gate: passes (exit 0): no mandatory violation; 1 unknown during preview on mandatory policies, let pass by allowUnknown");
    });

    it("of an advisory policy passes, as before", () => {
        const r = report({ ...onlyUnknown, levels: { ...analysis.levels, [BACKUPS]: "advisory" } });
        expect(r.summary).toMatchObject({ unknown: 1, notVerified: 0, passed: true });
        expect(render(r, "text")).toContain("- [unknown]  aws-rds-require-backup-retention");
    });

    it("of a remediate policy fails like a mandatory one: the SDK reports what remediation leaves as mandatory", () => {
        expect(report({ ...onlyUnknown, levels: { ...analysis.levels, [BACKUPS]: "remediate" } }).summary).toMatchObject({ notVerified: 1, passed: false });
    });

    it("without a property path in its message still gets a reason (a stack policy's list of resources)", () => {
        const listed = { ...analysis.findings.find((f) => f.outcome === "unknown")!, message: "values unknown during preview decide the verdict on these resources:\nurn:x" };
        expect(report({ findings: [listed] }).findings[0].notVerified).toEqual({ reason: "depends on a value unknown during preview" });
    });
});

describe("the property path of an unknown", () => {
    it("is read from the policy SDK's own message, as its server writes it", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { UnknownValueError, unknownNumberValue } = require("@pulumi/policy/proxy");
        const error: Error = new UnknownValueError(unknownNumberValue, ["ingress", "0", "fromPort"]);
        expect(unknownProperty(`can't run policy 'p' from policy pack 'pack@v1' during preview: ${error.message}`)).toBe("ingress.0.fromPort");
        expect(unknownProperty("security group 'web' opens port 22")).toBeUndefined();
    });
});

describe("every format shows a finding not verified", () => {
    const r = report(onlyUnknown);

    it("text: its own tag with the resource, the policy and the reason, no success mark, and the gate's cause", () => {
        const text = render(r, "text");
        expect(text).toContain(`- [not verified]  ${BACKUPS}  (aws:rds/instance:Instance: app-db)`);
        expect(text).toContain(`          ${REASON}\n`);
        expect(text).toContain("❌ production-readiness@v0.1.0");
        expect(text).not.toContain("✅");
        expect(text).toContain("Gate: fails (exit 1): 1 not verified");
    });

    it("JSON: `notVerified` on the finding and in the summary, valid against the schema", () => {
        const json = JSON.parse(render(r, "json"));
        const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "report.schema.json"), "utf8")));
        expect(validate(json) ? [] : validate.errors).toEqual([]);
        expect(json.summary).toMatchObject({ notVerified: 1, passed: false });
        expect(json.findings[0].notVerified).toEqual({ reason: REASON, property: "backupRetentionPeriod" });
        expect(validate({ ...json, summary: { ...json.summary, notVerified: undefined } })).toBe(false);
    });

    it("SARIF: a failing result at error level, not a review note", () => {
        const [result] = buildSarif(r).runs[0].results!;
        expect(result).toMatchObject({ ruleId: BACKUPS, kind: "fail", level: "error", properties: { notVerified: { reason: REASON } } });
        expect(result.message.text).toMatch(new RegExp(`^Not verified: ${REASON}\\. can't run policy`));
        expect(buildSarif(r).runs[0].properties).toMatchObject({ summary: { notVerified: 1, passed: false } });
    });

    it("JUnit: a failure of type not-verified", () => {
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) })
            .parse(render(r, "junit"));
        const suite = doc.testsuites.testsuite.find((s: { name: string }) => s.name === BACKUPS);
        expect(suite.testcase[0]).toMatchObject({ name: "aws:rds/instance:Instance: app-db", failure: { type: "not-verified", message: `not verified: ${REASON}` } });
        const readiness = doc.testsuites.testsuite.find((s: { name: string }) => s.name === "prodready readiness");
        expect(readiness.properties.property).toEqual(expect.arrayContaining([{ name: "findings.notVerified", value: "1" }, { name: "gate.passed", value: "false" }]));
    });

    it("Markdown: a table of its own, and the gate", () => {
        const markdown = render(r, "markdown");
        expect(markdown).toContain(`### Not verified (1)`);
        expect(markdown).toContain(`| \`${BACKUPS}\` | \`app-db\` (aws:rds/instance:Instance) | ${REASON} |`);
        expect(markdown).toContain("❌ Gate: fails (exit 1): 1 not verified");
        expect(markdown).not.toContain("Unknown during preview, not failing the run");
    });

    it("HTML: a section and a count of its own, and a failing verdict", () => {
        const page = render(r, "html");
        expect(/<p class="verdict" id="verdict"[^>]*>([^<]*)</.exec(page)![1]).toBe("Not ready");
        expect(/id="count-notVerified">(\d+)</.exec(page)![1]).toBe("1");
        const section = /<section id="not-verified">(.*?)<\/section>/s.exec(page)![1];
        expect(section).toContain(BACKUPS);
        expect(section).toContain(REASON);
        expect(/<section id="unknown">(.*?)<\/section>/s.exec(page)![1]).not.toContain(BACKUPS);
    });
});

describe("a passing gate with a not-ready verdict", () => {
    // The P0 item of public ingress fails through a policy lowered to advisory; the P0 admin-ports policy is disabled.
    const lowered = report({
        findings: analysis.findings.filter((f) => f.outcome === "violation").map((f) => ({ ...f, level: "advisory" as const })),
        notApplicable: analysis.notApplicable.filter((n) => n.policy !== "aws-ec2-disallow-public-admin-ports"),
        levels: { ...analysis.levels, "aws-ec2-restrict-public-ingress": "advisory", "aws-ec2-disallow-public-admin-ports": "disabled" },
    });

    it("is what this case is: the gate passes, the verdict is not-ready", () => {
        expect(lowered.summary.passed).toBe(true);
        expect(lowered.score.verdict).toBe("not-ready");
        expect(disabledP0Policies(lowered)).toEqual(["aws-ec2-disallow-public-admin-ports"]);
    });

    it("shows no success mark in the text, says why in one line and lists the disabled P0 policies", () => {
        const text = render(lowered, "text");
        expect(text).not.toContain("✅");
        expect(text).toContain("⚠️ production-readiness@v0.1.0");
        expect(text).toContain("\nGate: passes (exit 0), but the verdict is not-ready: 1 P0 checklist item fails through advisory policies only " +
            "(aws-ec2-restrict-public-ingress); make them mandatory to fail the run on them\nDisabled P0 policies: aws-ec2-disallow-public-admin-ports\n");
    });

    it("keeps the success mark when the verdict is not not-ready", () => {
        const clean = report({ findings: [], levels: { ...analysis.levels, [BACKUPS]: "advisory" } });
        expect(clean.score.verdict).not.toBe("not-ready");
        expect(render(clean, "text")).toContain("✅ production-readiness@v0.1.0");
    });
});

describe("the exit code of `prodready report`", () => {
    jest.setTimeout(120000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-not-verified-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    // The fixture's preview, run with the public-ingress policy advisory: its violation no longer fails
    // the run, and what is left is the unknown of aws-rds-require-tls on the stack.
    const log = path.join(dir, "advisory-ingress.event-log.jsonl");
    fs.writeFileSync(log, fs.readFileSync(LOG, "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => {
        const event = JSON.parse(line);
        if (event.policyEvent?.policyName === "aws-ec2-restrict-public-ingress") {
            event.policyEvent.enforcementLevel = "advisory";
        }
        return JSON.stringify(event);
    }).join("\n") + "\n");

    /** Runs `prodready report` on that event log with the config its preview ran with, and more settings. */
    async function reportWith(config: Record<string, unknown>): Promise<{ code: number; out: string }> {
        const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
        fs.writeFileSync(file, JSON.stringify({ ...RAN_WITH, ...config }));
        let out = "";
        const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
        let code = -1;
        try {
            await buildProgram((c) => { code = c; }).parseAsync(["node", "prodready", "report", log, "--policy-pack-config", file]);
        } finally {
            write.mockRestore();
        }
        return { code, out };
    }

    it("is 1 when a mandatory policy's unknown is not allowed (aws-rds-require-tls is P0, mandatory by default)", async () => {
        const run = await reportWith({});
        expect(run.code).toBe(EXIT_VIOLATIONS);
        expect(run.out).toContain("- [not verified]  aws-rds-require-tls  (stack)");
        expect(run.out).toContain("depends on a value unknown during preview: dbClusterParameterGroupName");
    });

    it("is 0 when the policy's config allows unknowns", async () => {
        expect((await reportWith({ "aws-rds-require-tls": { allowUnknown: true } })).code).toBe(EXIT_OK);
    });

    it("is 0 when \"all\" allows unknowns next to its level", async () => {
        expect((await reportWith({ all: { enforcementLevel: "mandatory", allowUnknown: true } })).code).toBe(EXIT_OK);
    });

    it("is 0 when the policy with the unknown is advisory", async () => {
        expect((await reportWith({ "aws-rds-require-tls": "advisory" })).code).toBe(EXIT_OK);
    });
});
