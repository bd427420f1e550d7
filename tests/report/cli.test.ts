// The command line as a user runs it (after `npx tsc -p tsconfig.build.json`): reports fail closed,
// errors are one line naming the file and the cause, and a closed pipe ends the run quietly.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "prodready.js");
const LOG = path.join(__dirname, "fixtures", "preview.event-log.jsonl");
const LOGS = path.join(__dirname, "fixtures", "event-logs");

function prodready(...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineError(result: ReturnType<typeof prodready>, pattern: RegExp) {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^prodready: error: /);
    expect(lines[0]).toMatch(pattern);
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
    ])("exits 2 on %s", (name, pattern) => {
        expectOneLineError(prodready("report", path.join(LOGS, name)), pattern);
    });

    it("names a directory given as the event log or as the policy-pack config", () => {
        expectOneLineError(prodready("report", LOGS), /cannot read event log .*event-logs: EISDIR \(it is a directory\)/);
        expectOneLineError(prodready("report", LOG, "--policy-pack-config", LOGS), /cannot read policy-pack config .*event-logs: EISDIR \(it is a directory\)/);
    });

    it("still reports a complete preview, with the mandatory violation's exit code", () => {
        const result = prodready("report", LOG);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain("Judged: 2 objects; not judged: 0");
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
        const result = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${CLI}" report "${LOG}" --format json | head -c 10 >/dev/null`],
            { cwd: ROOT, encoding: "utf8", timeout: 120000 });
        expect(result.stderr).toBe("");
        expect(result.status).toBe(1);
    });
});
