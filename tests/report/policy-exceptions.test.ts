// Event logs of newer Pulumi CLIs. Since 3.276 a policy event may carry `exceptions`, the Pulumi
// policy exceptions that cover the violation: github.com/pulumi/pulumi-cloud-sdk/go/apitype,
// AppPolicyEvent.Exceptions []AppPolicyEventException{ID, Reason} (app_policy_event_.go,
// app_policy_event_exception_.go at v1.20261104.0, the version pulumi/pkg v3.277.0 requires);
// sdk/go/common/apitype/events.go aliases PolicyEvent to it. The engine fails no run on an excepted
// violation (pkg/resource/deploy/step_generator.go: mandatory and no exception sets sawError).
// The log read here is preview.event-log.jsonl with that field on its one mandatory violation;
// tests/engine/newest-cli.test.ts has the newest CLI write such a log for real.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EventLogError, readEvents, reportFromEvents } from "../../src/report/event-log";
import { expectOneLineError } from "../harness/cli";
import { catalog } from "./fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "prodready.js");
const packDir = path.join(ROOT, "policies");
const PLAIN_LOG = path.join(__dirname, "fixtures", "preview.event-log.jsonl");
const RAN_WITH = path.join(__dirname, "fixtures", "preview.policy-pack-config.json");
const packConfig = JSON.parse(fs.readFileSync(RAN_WITH, "utf8"));
const INGRESS = "aws-ec2-restrict-public-ingress";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-exceptions-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of `from` (default: LOG) with each event passed through `edit`. */
function editedLog(name: string, edit: (event: Record<string, any>) => void, from = LOG): string {
    const file = path.join(tmp, name);
    const lines = fs.readFileSync(from, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => {
        const event = JSON.parse(l);
        edit(event);
        return JSON.stringify(event);
    });
    fs.writeFileSync(file, lines.join("\n") + "\n");
    return file;
}

/** The preview's log with its one mandatory violation covered by a Pulumi policy exception. */
const LOG = editedLog("policy-exception.jsonl", (e) => {
    if (e.policyEvent?.policyName === INGRESS) {
        e.policyEvent.exceptions = [{ id: "EXC-7", reason: "the bastion host is replaced by SSM Session Manager in Q3" }];
    }
}, PLAIN_LOG);

/** A copy of `from` with the diagnostic a real preview ends with when it saw an error, before its summary event. */
function withClosingError(from: string, name: string, message = "preview failed\n"): string {
    const file = path.join(tmp, name);
    const lines = fs.readFileSync(from, "utf8").split("\n").filter((l) => l.trim() !== "");
    const diagnostic = JSON.stringify({ sequence: 99, timestamp: 1763770099, diagnosticEvent: { prefix: "error: ", message, color: "never", severity: "error" } });
    lines.splice(lines.length - 1, 0, diagnostic);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    return file;
}

const report = (file: string, config: unknown = packConfig) => reportFromEvents(readEvents(file), { catalog, packDir, packConfig: config, target: path.basename(file) });

describe("prodready report on a violation a Pulumi policy exception covers", () => {
    const plain = report(PLAIN_LOG);
    const excepted = report(LOG);

    it("reports it as exempt, with the exception's id and reason, not as a failure", () => {
        expect(plain.findings.some((f) => f.policy === INGRESS && f.enforcementLevel === "mandatory")).toBe(true);
        expect(plain.summary.passed).toBe(false);

        expect(excepted.findings.map((f) => f.policy)).not.toContain(INGRESS);
        expect(excepted.exemptions.filter((e) => e.policy === INGRESS)).toEqual([{
            policy: INGRESS,
            reason: "the bastion host is replaced by SSM Session Manager in Q3",
            source: "Pulumi policy exception EXC-7",
            urn: "urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg",
            type: "aws:ec2/securityGroup:SecurityGroup",
            name: "web-sg",
        }]);
        // The gate fails only on what else is unverified (a policy newer than the fixture).
        expect(excepted.summary).toMatchObject({ mandatory: 0, exempt: plain.summary.exempt + 1, notVerified: plain.summary.notVerified, passed: plain.summary.notVerified === 0 });
        // The rest of the report is the same.
        expect(excepted.findings).toEqual(plain.findings.filter((f) => f.policy !== INGRESS));
    });

    it("names every exception that covers it, lowest id first as the engine lists them, each reason once", () => {
        const file = editedLog("two-exceptions.jsonl", (e) => {
            if (e.policyEvent?.exceptions) {
                e.policyEvent.exceptions = [{ id: "EXC-2", reason: "replaced in Q3" }, { id: "EXC-10", reason: "replaced in Q3" }, { id: "EXC-11", reason: "audited\nby security" }];
            }
        });
        const exemption = report(file).exemptions.find((e) => e.policy === INGRESS);
        expect(exemption).toMatchObject({ source: "Pulumi policy exceptions EXC-2, EXC-10, EXC-11", reason: "replaced in Q3; audited by security" });
    });

    it("is no verdict missing: the resource's summary lists the policy as failed, the exemption accounts for it", () => {
        expect(excepted.findings.filter((f) => f.noVerdict)).toEqual(plain.findings.filter((f) => f.noVerdict));
    });

    it("reads the policy-pack config the preview ran with in the versioned form that carries exceptions", () => {
        const versioned = {
            version: 2,
            policies: packConfig,
            exceptions: { "EXC-7": { reason: "the bastion host is replaced by SSM Session Manager in Q3", match: [{ policies: [INGRESS], targets: ["urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg"] }] } },
        };
        expect(report(LOG, versioned)).toEqual(excepted);
        expect(() => report(LOG, { ...versioned, version: 3 })).toThrow(/policy-pack config version 3 is not one prodready reads \(2\)/);
        expect(() => report(LOG, { ...versioned, policy: {} })).toThrow(/a version 2 policy-pack config has no key "policy"/);
    });
});

describe("prodready report on event fields it does not know", () => {
    it("tolerates them where they cannot change a verdict", () => {
        const file = editedLog("tolerated.jsonl", (e) => {
            for (const kind of ["preludeEvent", "resourcePreEvent", "summaryEvent", "policyLoadEvent"]) {
                if (e[kind]) {
                    e[kind].addedLater = { any: "value" };
                }
            }
        });
        expect({ ...report(file), source: undefined }).toEqual({ ...report(LOG), source: undefined });
    });

    it.each([
        ["policyEvent", "suppressed", true],
        ["policyAnalyzeSummaryEvent", "exempted", ["aws-ec2-require-description"]],
        ["policyAnalyzeStackSummaryEvent", "skipped", ["aws-backup-require-plan"]],
    ])("refuses one in %s, which decides a verdict, naming the line and the field", (kind, field, value) => {
        const file = editedLog(`unknown-${field}.jsonl`, (e) => {
            if (e[kind]) {
                e[kind][field] = value;
            }
        });
        expect(() => readEvents(file)).toThrow(EventLogError);
        expect(() => readEvents(file)).toThrow(new RegExp(`line \\d+ has a field prodready does not know in ${kind}: "${field}", which may change the verdict`));
    });

    it("refuses an exception without an id, or with a field it does not know", () => {
        const noId = editedLog("exception-without-id.jsonl", (e) => {
            if (e.policyEvent?.exceptions) {
                e.policyEvent.exceptions = [{ reason: "no id" }];
            }
        });
        expect(() => readEvents(noId)).toThrow(/line 5 has no "id" in policyEvent\.exceptions\.0/);
        const extra = editedLog("exception-with-status.jsonl", (e) => {
            if (e.policyEvent?.exceptions) {
                e.policyEvent.exceptions[0].status = "pending";
            }
        });
        expect(() => readEvents(extra)).toThrow(/line 5 has a field prodready does not know in policyEvent\.exceptions\.0: "status"/);
    });

    it("exits 2 with one line from the command line", () => {
        const file = editedLog("cli-unknown-field.jsonl", (e) => {
            if (e.policyEvent) {
                e.policyEvent.waived = true;
            }
        });
        const r = spawnSync(process.execPath, [CLI, "report", file, "--policy-pack-config", RAN_WITH], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
        expectOneLineError({ code: r.status, stdout: r.stdout, stderr: r.stderr }, /cli-unknown-field\.jsonl line 5 has a field prodready does not know in policyEvent: "waived"/);
        const ok = spawnSync(process.execPath, [CLI, "report", LOG, "--policy-pack-config", RAN_WITH, "--format", "json"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
        const json = JSON.parse(ok.stdout);
        expect(json.exemptions.map((e: { source: string }) => e.source)).toContain("Pulumi policy exception EXC-7");
        expect(json.summary.mandatory).toBe(0);
        expect(ok.status).toBe(json.summary.passed ? 0 : 1);
    });
});

// Both CLIs end a preview that a mandatory violation failed with an error diagnostic on the stack,
// "preview failed" (pkg/resource/deploy/deployment_executor.go reportExecResult, 3.248 and 3.277).
describe("prodready report on a preview that a mandatory violation failed", () => {
    it("reads it: the closing \"preview failed\" is the violation's, which the report judges itself", () => {
        const failed = withClosingError(PLAIN_LOG, "mandatory-failed.jsonl");
        expect({ ...report(failed), source: undefined }).toEqual({ ...report(PLAIN_LOG), source: undefined });
    });

    it("refuses it when no mandatory violation outside an exception explains it, or another error comes with it", () => {
        // LOG's one mandatory violation is excepted: the engine would not have failed on it.
        expect(() => report(withClosingError(LOG, "excepted-failed.jsonl"))).toThrow(/excepted-failed\.jsonl: the preview failed \(line \d+\): preview failed/);
        expect(() => report(withClosingError(PLAIN_LOG, "other-error.jsonl", "update failed\n"))).toThrow(/the preview failed \(line \d+\): update failed/);
    });
});
