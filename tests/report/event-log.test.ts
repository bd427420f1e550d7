import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { EventLogError, missingVerdicts, otherPacks, plainMessage, readEvents, reportFromEvents } from "../../src/report/event-log";
import { render } from "../../src/report/index";
import { catalog } from "./fixtures";
import { unknownResourcesMessage } from "../../policies/lib/contract";

// A hand-written `pulumi preview --policy-pack policies --policy-pack-config preview.policy-pack-config.json
// --event-log` of a small stack, following sdk/go/common/apitype/events.go (EngineEvent) of pulumi
// v3.248.0 field by field.
const LOG = path.join(__dirname, "fixtures", "preview.event-log.jsonl");
const ROOT = path.resolve(__dirname, "..", "..");
const packDir = path.join(ROOT, "policies");
const packConfig = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "preview.policy-pack-config.json"), "utf8"));

describe("prodready report <event-log>", () => {
    const report = reportFromEvents(readEvents(LOG), { catalog, packDir, packConfig, target: "preview.event-log.jsonl" });

    it("reads policy events as findings, with the engine's colour directives removed", () => {
        expect(report.findings.map((f) => [f.policy, f.outcome, f.enforcementLevel, f.name ?? "stack"])).toEqual([
            ["aws-ec2-restrict-public-ingress", "violation", "mandatory", "web-sg"],
            ["aws-rds-require-tls", "unknown", "advisory", "stack"],
        ]);
        expect(report.findings[0].message).toMatch(/^security group 'web-sg' ingress #1 opens port 22.*security groups\.$/);
        expect(plainMessage("<{%reset%}>text<{%fg 3%}>\n")).toBe("text");
    });

    it("keeps a stack policy's finding on the stack as a whole when the engine files it under the root stack's URN", () => {
        // pulumi v3.248.0 gives a stack policy's diagnostic that names no resource the root stack's URN.
        const stackUrn = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";
        const events = readEvents(LOG).map((e) => e.policyEvent && !e.policyEvent.resourceUrn
            ? { ...e, policyEvent: { ...e.policyEvent, resourceUrn: stackUrn } } : e);
        expect(events.filter((e) => e.policyEvent?.resourceUrn === stackUrn)).toHaveLength(1);
        const filed = reportFromEvents(events, { catalog, packDir, packConfig, target: "preview.event-log.jsonl" });
        expect(filed.findings).toEqual(report.findings);
        // A stack-wide unknown that lists its resources still gives one finding each.
        const dbUrn = "urn:pulumi:prod::shop::aws:rds/cluster:Cluster::app-db";
        const listed = events.map((e) => e.policyEvent?.resourceUrn === stackUrn
            ? { ...e, policyEvent: { ...e.policyEvent, message: `${e.policyEvent.message.trim()}\n${unknownResourcesMessage([dbUrn])}` } } : e);
        const perResource = reportFromEvents(listed, { catalog, packDir, packConfig, target: "preview.event-log.jsonl" }).findings;
        expect(perResource.filter((f) => f.outcome === "unknown").map((f) => [f.policy, f.urn])).toEqual([["aws-rds-require-tls", dbUrn]]);
    });

    it("describes the policies from the pack, and summarizes like the embedded preview", () => {
        expect(report.pack).toEqual({ name: "production-readiness", version: "0.1.0" });
        expect(report.policies.find((p) => p.name === "aws-ec2-restrict-public-ingress")).toMatchObject({ priority: "P0", enforcementLevel: "mandatory" });
        expect(report.summary).toMatchObject({ resources: 3, mandatory: 1, advisory: 0, unknown: 1, exempt: 2, passed: false,
            judged: 2, notJudged: 0, notPolicySubjects: 1, notJudgedTypes: [] });
    });

    it("works the exemptions out again from the config and the resources' tags (the event log does not carry reasons)", () => {
        expect(report.exemptions.map((e) => [e.policy, e.name, e.reason, e.source])).toEqual([
            ["aws-ec2-disallow-public-admin-ports", "web-sg", "bastion replacement lands in Q3", `policy-pack config "web-*"`],
            ["aws-rds-require-backup-retention", "app-db", "restored from snapshot, migrating by Q3", "tag prodready:exempt:aws-rds-require-backup-retention"],
        ]);
    });

    it("produces a JSON report valid against the schema, and every other format", () => {
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "report.schema.json"), "utf8"));
        const validate = new Ajv({ strict: false }).compile(schema);
        expect(validate(JSON.parse(render(report, "json"))) ? [] : validate.errors).toEqual([]);
        for (const format of ["text", "sarif", "junit", "markdown"] as const) {
            expect(render(report, format)).toContain("aws-ec2-restrict-public-ingress");
        }
    });

    it("refuses `pulumi preview --json` output, which carries no policy events, and says what to run instead", () => {
        expect(() => readEvents(path.join(__dirname, "fixtures", "preview.json"))).toThrow(/carries no policy results.*--event-log/);
    });

    it("refuses an event log without policy events and a file that is not JSON lines", () => {
        expect(() => reportFromEvents([{ sequence: 0, timestamp: 0, preludeEvent: { config: {} } }], { catalog, packDir })).toThrow(EventLogError);
        const bad = path.join(fs.mkdtempSync(path.join(require("os").tmpdir(), "prodready-")), "log");
        fs.writeFileSync(bad, "{\"sequence\":0,\"timestamp\":0,\"policyLoadEvent\":{}}\nnot json\n");
        expect(() => readEvents(bad)).toThrow(/line 2 is not a JSON engine event/);
    });
});

describe("prodready report accepts only a complete, successful preview", () => {
    const logs = path.join(__dirname, "fixtures", "event-logs");
    const report = (name: string) => reportFromEvents(readEvents(path.join(logs, name)), { catalog, packDir, target: name });

    it("refuses a log cut before its summary event", () => {
        expect(() => report("truncated.jsonl")).toThrow("truncated.jsonl: no summary event: the preview did not finish");
    });

    it("refuses a preview with an engine error diagnostic, quoting it on one line", () => {
        expect(() => report("program-error.jsonl")).toThrow(/^program-error\.jsonl: the preview failed \(line 11\): Running program '\/app' failed with an unhandled exception: TypeError/);
    });

    it("refuses a log whose summary lists a failed policy it logged no event for", () => {
        expect(() => report("failed-without-event.jsonl")).toThrow(/line 8: the engine lists policy "aws-rds-require-deletion-protection" as failed on urn:pulumi:prod::shop::aws:rds\/cluster:Cluster::app-db but logged no policy event/);
    });

    it("refuses policy events of another shape and event kinds it does not know, naming the line", () => {
        expect(() => readEvents(path.join(logs, "other-shape.jsonl"))).toThrow(/other-shape\.jsonl line 5 has no "policyName" in policyEvent/);
        expect(() => readEvents(path.join(logs, "unknown-kind.jsonl"))).toThrow(/unknown-kind\.jsonl line 3 has an event kind prodready does not know: "policyVerdictEvent"/);
    });

    it("refuses a resource policy's event that names no resource", () => {
        expect(() => report("resource-policy-without-urn.jsonl")).toThrow(/line 5: the policy event of resource policy "aws-ec2-restrict-public-ingress" names no resource/);
    });

    it("names the file and the cause for a directory, a binary or empty file, and lines that are not objects", () => {
        const empty = path.join(fs.mkdtempSync(path.join(require("os").tmpdir(), "prodready-")), "empty.jsonl");
        fs.writeFileSync(empty, "\n\n");
        expect(() => readEvents(logs)).toThrow(`cannot read event log ${logs}: EISDIR (it is a directory)`);
        expect(() => readEvents(path.join(logs, "binary.jsonl"))).toThrow(/binary\.jsonl is not an event log: it is a binary file/);
        expect(() => readEvents(empty)).toThrow(/empty\.jsonl is empty/);
        expect(() => readEvents(path.join(logs, "not-objects.jsonl"))).toThrow(/not-objects\.jsonl line 2 is not an engine event \(a JSON object\), but a list/);
        for (const bad of ["42", "null", "\"text\""]) {
            fs.writeFileSync(empty, `${bad}\n{"sequence":1,"timestamp":1,"policyLoadEvent":{}}\n`);
            expect(() => readEvents(empty)).toThrow(EventLogError);
        }
    });

    it("does not quote an unparsable line, which may hold anything", () => {
        const file = path.join(fs.mkdtempSync(path.join(require("os").tmpdir(), "prodready-")), "log.jsonl");
        fs.writeFileSync(file, "{\"password\": \"hunter2\"\n");
        expect(() => readEvents(file)).toThrow(/line 1 is not a JSON engine event \(not valid JSON\)$/);
        expect(() => readEvents(file)).not.toThrow(/hunter2/);
    });

    it("counts a custom resource no policy looks at as not judged", () => {
        expect(report("nothing-judged.jsonl").summary).toMatchObject({ resources: 2, judged: 0, notJudged: 1, notPolicySubjects: 1, notJudgedTypes: ["kubernetes:stable.example.com/v1:CronTab"] });
    });
});

describe("prodready report judges only what the log proves", () => {
    const logs = path.join(__dirname, "fixtures", "event-logs");
    const events = (name: string) => readEvents(path.join(logs, name));
    const report = (name: string, config?: unknown) => reportFromEvents(events(name), { catalog, packDir, packConfig: config, target: name });
    const schema = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "report.schema.json"), "utf8")));

    describe("the pack that ran", () => {
        it("refuses a log of another version of the local pack, naming both and what to run", () => {
            expect(() => report("other-pack-version.jsonl")).toThrow(new RegExp("^other-pack-version\\.jsonl: the preview ran policy pack production-readiness@0\\.0\\.9, " +
                "but the local pack .*policies is production-readiness@0\\.1\\.0: run `prodready report --policy-pack <the directory of the pack that ran>`, " +
                "or re-run the preview with `--policy-pack .*policies`$"));
        });

        it("refuses a log of another pack, and scores only the local pack of a log with several", () => {
            expect(() => report("other-pack.jsonl")).toThrow(/the preview ran policy pack aws-guard@0\.1\.0, but the local pack .* is production-readiness@0\.1\.0/);
            const other = { policyPackName: "aws-guard", policyPackVersion: "1.0.0", policyPackVersionTag: "1.0.0", passed: ["aws-guard-tags"] };
            const otherViolation = { ...other, resourceUrn: "", message: "tags missing", policyName: "aws-guard-tags", enforcementLevel: "mandatory", color: "never" };
            const mixed = [...readEvents(LOG)];
            mixed.splice(mixed.length - 1, 0, { sequence: 11, timestamp: 1763770011, policyAnalyzeStackSummaryEvent: other },
                { sequence: 12, timestamp: 1763770012, policyEvent: otherViolation } as never);
            const alone = reportFromEvents(readEvents(LOG), { catalog, packDir, packConfig, target: "alone.jsonl" });
            const beside = reportFromEvents(mixed, { catalog, packDir, packConfig, target: "mixed.jsonl" });
            // An organisation's pack beside the local one: its verdicts are not scored, and the rest is the same.
            expect(beside.findings).toEqual(alone.findings);
            expect(beside.summary).toEqual(alone.summary);
            expect(otherPacks(mixed, beside.pack)).toEqual(["aws-guard@1.0.0"]);
            expect(otherPacks(readEvents(LOG), alone.pack)).toEqual([]);
        });

        it("refuses a complete preview run without a policy pack, saying what to run", () => {
            expect(() => report("no-policy-pack.jsonl")).toThrow("no-policy-pack.jsonl has no policy events: the preview ran without a policy pack; " +
                "run `pulumi preview --policy-pack <pack> --event-log <file>` and pass that file");
        });

        it("refuses a local pack it cannot identify", () => {
            const notAPack = fs.mkdtempSync(path.join(require("os").tmpdir(), "prodready-not-a-pack-"));
            expect(() => reportFromEvents(readEvents(LOG), { catalog, packDir: notAPack, packConfig, target: "preview.event-log.jsonl" }))
                .toThrow(/the preview ran policy pack production-readiness@0\.1\.0, but prodready cannot tell which pack .*prodready-not-a-pack-.* is/);
        });
    });

    describe("a resource the engine stepped through without a policy summary", () => {
        const r = report("resource-not-analyzed.jsonl");
        const db = "urn:pulumi:prod::shop::aws:rds/cluster:Cluster::app-db";

        it("is not judged, and a mandatory policy's verdict on it is not verified", () => {
            expect(r.summary).toMatchObject({ resources: 3, judged: 1, notJudged: 1, notJudgedTypes: ["aws:rds/cluster:Cluster"], notPolicySubjects: 1,
                mandatory: 0, notVerified: 2, passed: false });
            expect(r.findings.filter((f) => f.notVerified).map((f) => [f.policy, f.urn, f.notVerified!.reason])).toEqual([
                ["aws-rds-require-backup-retention", db, "no verdict in the event log"],
                ["aws-rds-require-storage-encryption", db, "no verdict in the event log"],
            ]);
        });

        it("is listed by type and name under every policy it judges, advisory ones as unknown", () => {
            expect(r.findings.every((f) => f.noVerdict && f.outcome === "unknown" && f.urn === db && f.type === "aws:rds/cluster:Cluster" && f.name === "app-db")).toBe(true);
            expect(r.findings.filter((f) => !f.notVerified).map((f) => f.policy)).toEqual([
                "aws-rds-require-current-ca", "aws-rds-require-deletion-protection", "aws-rds-require-enhanced-monitoring",
                "aws-rds-require-final-snapshot", "aws-rds-require-log-exports", "aws-rds-require-performance-insights-customer-key",
            ]);
            expect(r.findings[0].message).toBe("the pack did not analyze this resource: the event log has no policy summary or event of it");
            const text = render(r, "text");
            expect(text).toContain("- [not verified]  aws-rds-require-backup-retention  (aws:rds/cluster:Cluster: app-db)");
            expect(text).toContain("Judged: 1 object; not judged: 1");
            expect(schema(JSON.parse(render(r, "json"))) ? [] : schema.errors).toEqual([]);
        });

        it("does not count a resource the program only reads, which the engine never analyzes", () => {
            // The stack, web-sg and app-db; not legacy-sg.
            expect(r.summary.resources).toBe(3);
            expect(r.findings.some((f) => f.name === "legacy-sg")).toBe(false);
        });

        it("passes once the exemption the preview ran with covers its mandatory policies", () => {
            const exempt = (policy: string) => ({ [policy]: { exemptions: [{ resource: "app-db", reason: "migrating off by Q3", expires: "2099-01-31" }] } });
            const covered = report("resource-not-analyzed.jsonl", { ...exempt("aws-rds-require-backup-retention"), ...exempt("aws-rds-require-storage-encryption") });
            expect(covered.summary).toMatchObject({ notVerified: 0, passed: true, notJudged: 1 });
        });
    });

    describe("a policy the local pack applies that a judged resource's summary leaves out", () => {
        const r = report("policy-not-run.jsonl");

        it("did not run there: not verified when it is mandatory, an unknown when advisory", () => {
            expect(r.summary).toMatchObject({ judged: 3, notJudged: 0, mandatory: 0, unknown: 3, notVerified: 1, passed: false });
            expect(r.findings.map((f) => [f.policy, f.name, f.notVerified?.reason ?? "unknown"])).toEqual([
                ["aws-ec2-disallow-public-admin-ports", "web-sg", "no verdict in the event log"],
                ["aws-rds-require-current-ca", "app-db", "unknown"],
                ["aws-rds-require-current-ca", "reports-db", "unknown"],
            ]);
            expect(r.findings[0].message).toMatch(/^the event log lists the policy neither as passed nor as failed on this resource, and this report's policy-pack config neither disables it nor exempts/);
        });

        it("is said in one line per policy, with a count and an example", () => {
            expect(missingVerdicts(r)).toEqual([
                "aws-ec2-disallow-public-admin-ports (mandatory) did not run on 1 resource it judges, e.g. aws:ec2/securityGroup:SecurityGroup: web-sg: " +
                    "the event log holds no verdict of it there; not verified, so the run fails",
                "aws-rds-require-current-ca (advisory) did not run on 2 resources it judges, e.g. aws:rds/cluster:Cluster: app-db: the event log holds no verdict of it there",
            ]);
            expect(missingVerdicts(report("resource-not-analyzed.jsonl"))).toHaveLength(8);
            expect(missingVerdicts(reportFromEvents(readEvents(LOG), { catalog, packDir, packConfig }))).toEqual([]);
        });

        it("is accounted for when the config disables it or exempts the resource, not when it allows unknowns", () => {
            const admin = "aws-ec2-disallow-public-admin-ports";
            expect(report("policy-not-run.jsonl", { [admin]: "disabled" }).summary).toMatchObject({ notVerified: 0, unknown: 2, passed: true });
            const exempted = report("policy-not-run.jsonl", { [admin]: { exemptions: [{ resource: "web-sg", reason: "bastion until Q3", expires: "2099-01-31" }] } });
            expect(exempted.summary).toMatchObject({ notVerified: 0, exempt: 1, passed: true });
            expect(report("policy-not-run.jsonl", { [admin]: { allowUnknown: true } }).summary).toMatchObject({ notVerified: 1, passed: false });
        });

        it("keeps every format's output valid: JSON against the schema", () => {
            expect(schema(JSON.parse(render(r, "json"))) ? [] : schema.errors).toEqual([]);
            for (const format of ["text", "sarif", "junit", "markdown", "html"] as const) {
                expect(render(r, format)).toContain("no verdict in the event log");
            }
        });
    });
});
