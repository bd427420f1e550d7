import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { EventLogError, plainMessage, readEvents, reportFromEvents } from "../../src/report/event-log";
import { render } from "../../src/report/index";
import { catalog } from "./fixtures";

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

    it("describes the policies from the pack, and summarizes like the embedded preview", () => {
        expect(report.pack).toEqual({ name: "production-readiness", version: "0.1.0" });
        expect(report.policies.find((p) => p.name === "aws-ec2-restrict-public-ingress")).toMatchObject({ priority: "P0", enforcementLevel: "mandatory" });
        expect(report.summary).toMatchObject({ resources: 2, mandatory: 1, advisory: 0, unknown: 1, exempt: 2, passed: false });
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
        fs.writeFileSync(bad, "{\"sequence\":0}\nnot json\n");
        expect(() => readEvents(bad)).toThrow(/line 2 is not a JSON engine event/);
    });
});
