import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { EventLogError, plainMessage, readEvents, reportFromEvents } from "../../src/report/event-log";
import { render } from "../../src/report/index";
import { catalog } from "./fixtures";
import { unknownResourcesMessage } from "../../policies/lib/contract";

// A hand-written `pulumi preview --policy-pack policies --event-log` of a small stack, following
// sdk/go/common/apitype/events.go (EngineEvent) of pulumi v3.248.0 field by field.
const LOG = path.join(__dirname, "fixtures", "preview.event-log.jsonl");
const ROOT = path.resolve(__dirname, "..", "..");
const packDir = path.join(ROOT, "policies");
const packConfig = { "aws-ec2-disallow-public-admin-ports": { exemptions: [{ resource: "web-*", reason: "bastion replacement lands in Q3", expires: "2099-03-31" }] } };

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
