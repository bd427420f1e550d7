import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { render } from "../../src/report/index";
import { buildSarif } from "../../src/report/sarif";
import { fixtureReport } from "./fixtures";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the JSON report", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "report.schema.json"), "utf8"));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

    it("validates against docs/report.schema.json", () => {
        const json = JSON.parse(render(fixtureReport(), "json"));
        expect(validate(json) ? [] : validate.errors).toEqual([]);
        expect(json.schemaVersion).toBe("2.5.0");
    });

    it("separates exemptions from findings, with their reason, source, expiry and resource", () => {
        const report = fixtureReport();
        expect(report.exemptions).toEqual([
            { policy: "aws-ec2-disallow-public-admin-ports", reason: "bastion replacement lands in Q3", source: `policy-pack config "web-*"`, expires: "2027-03-31",
                urn: "urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg", type: "aws:ec2/securityGroup:SecurityGroup", name: "web-sg" },
            { policy: "aws-rds-require-tls", reason: "vendor database, TLS terminated by the proxy", source: "tag prodready:exempt",
                urn: "urn:pulumi:prod::shop::aws:rds/instance:Instance::legacy-db", type: "aws:rds/instance:Instance", name: "legacy-db" },
        ]);
        expect(report.summary).toEqual({ resources: 6, policies: 6, mandatory: 1, advisory: 1, unknown: 1, notVerified: 1, exempt: 2,
            judged: 3, notJudged: 1, notPolicySubjects: 2, notJudgedTypes: ["kubernetes:stable.example.com/v1:CronTab"], passed: false });
    });

    it("rejects what the schema forbids (the schema is not vacuous)", () => {
        const json = JSON.parse(render(fixtureReport(), "json"));
        expect(validate({ ...json, exemptions: [{ policy: "x", source: "s" }] })).toBe(false);
        expect(validate({ ...json, score: { ...json.score, verdict: "maybe" } })).toBe(false);
        const { judged: _judged, ...withoutJudged } = json.summary;
        expect(validate({ ...json, summary: withoutJudged })).toBe(false);
    });
});

describe("the SARIF report", () => {
    // The SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it; one of its patterns is not valid in unicode mode.
    const schema = JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);

    it("validates against the SARIF 2.1.0 schema", () => {
        const sarif = JSON.parse(render(fixtureReport(), "sarif", { artifact: "stacks/shop/Pulumi.yaml" }));
        expect(validate(sarif) ? [] : validate.errors).toEqual([]);
        expect(sarif.version).toBe("2.1.0");
    });

    it("describes each policy as a rule, with help, remediation and its priority and checklist", () => {
        const log = buildSarif(fixtureReport());
        const rule = log.runs[0].tool.driver.rules!.find((r) => r.id === "aws-ec2-restrict-public-ingress")!;
        expect(rule.help?.text).toContain("Fix aws-ec2-restrict-public-ingress.");
        expect(rule.defaultConfiguration?.level).toBe("error");
        expect(rule.properties).toMatchObject({ "priority": "P0", "security-severity": "8.0", "checklist": ["t.network.only-web-ports"] });
    });

    it("makes a violation an error or warning, a mandatory policy's unknown an error (not verified), an exemption a suppressed result", () => {
        const results = buildSarif(fixtureReport()).runs[0].results!;
        expect(results.map((r) => [r.ruleId, r.kind, r.level])).toEqual([
            ["aws-ec2-restrict-public-ingress", "fail", "error"],
            ["aws-rds-require-backup-retention", "fail", "error"],
            ["aws-rds-require-final-snapshot", "fail", "warning"],
            ["aws-ec2-disallow-public-admin-ports", "notApplicable", "none"],
            ["aws-rds-require-tls", "notApplicable", "none"],
        ]);
        expect(results[3].suppressions).toEqual([{ kind: "external", status: "accepted", justification: `bastion replacement lands in Q3 (policy-pack config "web-*", expires 2027-03-31)` }]);
        expect(results[0].locations![0].logicalLocations![0].fullyQualifiedName).toBe("urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg");
        expect(buildSarif(fixtureReport()).runs[0].properties).toMatchObject({ readiness: { verdict: "not-ready" },
            summary: { judged: 3, notJudged: 1, notPolicySubjects: 2, notJudgedTypes: ["kubernetes:stable.example.com/v1:CronTab"] } });
    });
});

describe("the JUnit report", () => {
    const xml = render(fixtureReport(), "junit");
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) }).parse(xml);
    const suites: any[] = doc.testsuites.testsuite;
    const suite = (name: string) => suites.find((s) => s.name === name);

    it("has one suite per enabled policy plus the readiness verdict", () => {
        expect(suites.map((s) => s.name)).toEqual(["prodready readiness", ...fixtureReport().policies.map((p) => p.name)]);
        expect(suite("prodready readiness").testcase[0].failure.message).toBe("1 P0 checklist item fails");
    });

    it("has one case per policy and resource: failure (violation, not verified), skipped (exempt, unknown) or passed", () => {
        expect(suite("aws-ec2-restrict-public-ingress").testcase).toEqual([expect.objectContaining({ name: "aws:ec2/securityGroup:SecurityGroup: web-sg", failure: expect.objectContaining({ type: "mandatory" }) })]);
        expect(suite("aws-ec2-disallow-public-admin-ports").testcase[0]).toMatchObject({ skipped: "", "system-out": expect.stringContaining("exempt: bastion replacement lands in Q3") });
        expect(suite("aws-rds-require-backup-retention").testcase[0]).toMatchObject({ failure: expect.objectContaining({ type: "not-verified",
            message: "not verified: depends on a value unknown during preview: backupRetentionPeriod" }) });
        expect(suite("aws-rds-require-deletion-protection").testcase).toEqual([expect.objectContaining({ name: "all resources" })]);
        expect(doc.testsuites).toMatchObject({ failures: "4", skipped: "3" });
    });

    it("states how many objects were judged, and skips a case for those no policy looks at", () => {
        const readiness = suite("prodready readiness");
        expect(readiness.properties.property).toEqual(expect.arrayContaining([
            { name: "objects.judged", value: "3" }, { name: "objects.notJudged", value: "1" }, { name: "objects.notPolicySubjects", value: "2" }]));
        expect(readiness.testcase[1]).toMatchObject({ name: "objects judged", skipped: "", "system-out": expect.stringContaining("kubernetes:stable.example.com/v1:CronTab") });
    });
});

describe("the Markdown report", () => {
    it("states how many objects were judged and which types were not", () => {
        expect(render(fixtureReport(), "markdown")).toContain("⚠️ **Judged: 3 objects; not judged: 1** (no enabled policy looks at `kubernetes:stable.example.com/v1:CronTab`)");
    });

    it("matches the golden file (tests/report/fixtures/report.md)", () => {
        const golden = path.join(__dirname, "fixtures", "report.md");
        const markdown = render(fixtureReport(), "markdown");
        if (process.env.UPDATE_GOLDEN) {
            fs.writeFileSync(golden, markdown);
        }
        expect(markdown).toBe(fs.readFileSync(golden, "utf8"));
    });
});

describe("the text report", () => {
    it("lists exemptions and the readiness score", () => {
        const text = render(fixtureReport(), "text");
        expect(text).toContain("[exempt]  aws-ec2-disallow-public-admin-ports  (aws:ec2/securityGroup:SecurityGroup: web-sg)");
        expect(text).toContain(`bastion replacement lands in Q3 (policy-pack config "web-*", expires 2027-03-31)`);
        expect(text).toContain("6 resources analyzed by 6 policies: 1 mandatory violation, 1 advisory, 1 unknown during preview (1 not verified), 2 exempt");
        expect(text).toContain("Judged: 3 objects; not judged: 1 (no enabled policy looks at kubernetes:stable.example.com/v1:CronTab); not policy subjects (providers, stack, components): 2");
        expect(text).toMatch(/Readiness: 14.3% of enforced checklist items pass \(coverage 87.5%\); verdict: not-ready/);
    });
});
