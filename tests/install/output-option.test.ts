// `--output <format>=<file>` (repeatable): one run writes the report in several formats, beside the
// one `--format` prints, so CI pays for one program run instead of one per format. Through the
// command line as a user runs it (after `npm run build`).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const EVENT_LOG = path.join(ROOT, "tests", "report", "fixtures", "preview.event-log.jsonl");
const PRIVILEGED = "kubernetes-workload-disallow-privileged";

const POD = [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: debug-shell",
    "  namespace: tools",
    "spec:",
    "  containers:",
    "    - name: shell",
    "      image: busybox:1.36",
    "      securityContext:",
    "        privileged: true",
    "",
].join("\n");

const prodready = (cwd: string, ...args: string[]) => runCli(args, { cwd });

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-output-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function workspace(): string {
    const dir = fs.mkdtempSync(path.join(work, "run-"));
    fs.writeFileSync(path.join(dir, "pod.yaml"), POD);
    return dir;
}

describe("--output", () => {
    it("writes JSON and SARIF from the run that prints text, with the run's exit code", () => {
        const dir = workspace();
        const result = prodready(dir, "manifests", "pod.yaml", "--format", "text", "--output", "json=reports/prodready.json", "--output", "sarif=prodready.sarif");
        expect(result.stderr).toBe("");
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`[mandatory]  ${PRIVILEGED}  (kubernetes:core/v1:Pod: tools/debug-shell)  pod.yaml:1`);

        // The parent directory is made; the files hold the same findings as the printed report.
        const json = JSON.parse(fs.readFileSync(path.join(dir, "reports", "prodready.json"), "utf8"));
        expect(json.summary.passed).toBe(false);
        expect(json.findings).toEqual(expect.arrayContaining([expect.objectContaining({ policy: PRIVILEGED, outcome: "violation", name: "tools/debug-shell" })]));
        const sarif = JSON.parse(fs.readFileSync(path.join(dir, "prodready.sarif"), "utf8"));
        const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === PRIVILEGED);
        expect(results).toHaveLength(1);
        expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("pod.yaml");
        const violations = json.findings.filter((f: { outcome: string; enforcementLevel: string }) => f.outcome === "violation" && f.enforcementLevel === "mandatory");
        expect(result.stdout).toContain(`${violations.length} mandatory violations`);
    }, 120000);

    it("writes files in any format, never coloured, for a report read from an event log", () => {
        const dir = workspace();
        const result = prodready(dir, "report", EVENT_LOG, "--format", "json", "--output", "markdown=prodready.md", "--output", "text=prodready.txt");
        expect(result.code).toBe(1);
        expect(JSON.parse(result.stdout).summary.passed).toBe(false);
        // The marker the CI example finds its pull-request comment by.
        expect(fs.readFileSync(path.join(dir, "prodready.md"), "utf8")).toMatch(/^<!-- prodready-report -->\n/);
        const text = fs.readFileSync(path.join(dir, "prodready.txt"), "utf8");
        expect(text).toContain("Gate: fails (exit 1)");
        expect(text).not.toMatch(/\u001b\[/);
    }, 120000);

    it.each([
        [["json"], /argument 'json' is invalid\. expected <format>=<file>, got "json"/],
        [["=out.json"], /expected <format>=<file>, got "=out\.json"/],
        [["json="], /expected <format>=<file>, got "json="/],
        [["yaml=out.yaml"], /unknown format "yaml" \(choose from text, json, sarif, junit, markdown, html, github, gitlab\)/],
        [["json=out", "sarif=./out"], /\.\/out is given to --output twice/],
    ])("refuses --output %j before running anything", (values, pattern) => {
        const dir = workspace();
        const result = prodready(dir, "manifests", "pod.yaml", ...values.flatMap((v) => ["--output", v]));
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/^prodready: error: /);
        expect(result.stderr).toMatch(pattern);
        expect(fs.readdirSync(dir)).toEqual(["pod.yaml"]);
    });

    it("fails the run with one line when a file cannot be written", () => {
        const dir = workspace();
        fs.mkdirSync(path.join(dir, "taken"));
        const result = prodready(dir, "manifests", "pod.yaml", "--output", "json=taken");
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split("\n")).toEqual(["prodready: error: cannot write the report to taken: EISDIR (it is a directory)"]);
    }, 120000);
});
