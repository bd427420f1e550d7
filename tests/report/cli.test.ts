// The command line as a user runs it (after `npx tsc -p tsconfig.build.json`): reports fail closed,
// errors are one line naming the file and the cause, and a closed pipe ends the run quietly.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expectOneLineError as expectOneLine } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "prodready.js");
const LOG = path.join(__dirname, "fixtures", "preview.event-log.jsonl");
/** The policy-pack config the preview of LOG ran with. */
const RAN_WITH = path.join(__dirname, "fixtures", "preview.policy-pack-config.json");
const LOGS = path.join(__dirname, "fixtures", "event-logs");

function prodready(...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineError(result: ReturnType<typeof prodready>, pattern: RegExp) {
    expectOneLine(result, pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("prodready report fails closed", () => {
    it.each([
        ["truncated.jsonl", /truncated\.jsonl: no summary event: the preview did not finish/],
        ["program-error.jsonl", /program-error\.jsonl: the preview failed \(line 11\): Running program/],
        ["failed-without-event.jsonl", /failed-without-event\.jsonl line 8: the engine lists policy/],
        ["other-shape.jsonl", /other-shape\.jsonl line 5 has no "policyName" in policyEvent/],
        ["unknown-kind.jsonl", /unknown-kind\.jsonl line 3 has an event kind prodready does not know/],
        ["resource-policy-without-urn.jsonl", /line 5: the policy event of resource policy .* names no resource/],
        ["not-objects.jsonl", /not-objects\.jsonl line 2 is not an engine event/],
        ["binary.jsonl", /binary\.jsonl is not an event log: it is a binary file/],
        ["nothing-judged.jsonl", /nothing was judged in event log .*nothing-judged\.jsonl: no enabled policy looks at its 1 object \(kubernetes:stable\.example\.com\/v1:CronTab\)/],
        ["other-pack-version.jsonl", /other-pack-version\.jsonl: the preview ran policy pack production-readiness@0\.0\.9, but the local pack .*policies is production-readiness@0\.1\.0: run `prodready report --policy-pack/],
        ["other-pack.jsonl", /other-pack\.jsonl: the preview ran policy pack aws-guard@0\.1\.0, but the local pack .*policies is production-readiness@0\.1\.0/],
        ["no-policy-pack.jsonl", /no-policy-pack\.jsonl has no policy events: the preview ran without a policy pack; run `pulumi preview --policy-pack <pack> --event-log <file>`/],
    ])("exits 2 on %s", (name, pattern) => {
        expectOneLineError(prodready("report", path.join(LOGS, name)), pattern);
    });

    it("names a directory given as the event log or as the policy-pack config", () => {
        expectOneLineError(prodready("report", LOGS), /cannot read event log .*event-logs: EISDIR \(it is a directory\)/);
        expectOneLineError(prodready("report", LOG, "--policy-pack-config", LOGS), /cannot read policy-pack config .*event-logs: EISDIR \(it is a directory\)/);
    });

    it("still reports a complete preview, with the mandatory violation's exit code", () => {
        const result = prodready("report", LOG, "--policy-pack-config", RAN_WITH);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain("Judged: 2 objects; not judged: 0");
        expect(result.stderr).toBe("");
    });

    it("fails a mandatory policy the log holds no verdict of, and says on stderr which policies did not run where", () => {
        const result = prodready("report", path.join(LOGS, "policy-not-run.jsonl"));
        expect(result.code).toBe(1);
        expect(result.stdout).toContain("- [not verified]  aws-ec2-disallow-public-admin-ports  (aws:ec2/securityGroup:SecurityGroup: web-sg)");
        expect(result.stderr.trim().split("\n")).toEqual([
            "prodready: warning: aws-ec2-disallow-public-admin-ports (mandatory) did not run on 1 resource it judges, e.g. aws:ec2/securityGroup:SecurityGroup: web-sg: " +
                "the event log holds no verdict of it there; not verified, so the run fails",
            "prodready: warning: aws-rds-require-current-ca (advisory) did not run on 2 resources it judges, e.g. aws:rds/cluster:Cluster: app-db: the event log holds no verdict of it there",
        ]);
    });
});

describe("prodready manifests", () => {
    it("refuses to call a run that judged nothing ready", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodready-cli-")), "crd.yaml");
        fs.writeFileSync(file, "apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: nightly\nspec:\n  schedule: '0 3 * * *'\n");
        expectOneLineError(prodready("manifests", file), /^prodready: error: nothing was judged in manifests .*crd\.yaml: no enabled policy looks at its 1 object \(kubernetes:stable\.example\.com\/v1:CronTab\)$/);
    }, 120000);
});

describe("a closed pipe", () => {
    it("ends quietly with the run's status when the reader stops early (| head)", () => {
        // The JSON report is far larger than a pipe's buffer, so the write meets the closed pipe.
        const result = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${CLI}" report "${LOG}" --policy-pack-config "${RAN_WITH}" --format json | head -c 10 >/dev/null`],
            { cwd: ROOT, encoding: "utf8", timeout: 120000 });
        expect(result.stderr).toBe("");
        expect(result.status).toBe(1);
    });
});
