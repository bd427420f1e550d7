// The command line follows the conventions CI scripts and shells expect: --version, exit codes in
// --help, NO_COLOR and FORCE_COLOR, --quiet, one value per single-valued flag, and gates a team can
// tighten (--fail-on, --min-score). Through the command line as a user runs it (after
// `npx tsc -p tsconfig.build.json`).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { colorWanted } from "../../src/cli";
import { expectOneLineError, runCli } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "tests", "report", "fixtures");
const LOG = path.join(FIXTURES, "preview.event-log.jsonl");
const RAN_WITH = path.join(FIXTURES, "preview.policy-pack-config.json");
const NOT_RUN = path.join(FIXTURES, "event-logs", "policy-not-run.jsonl");

const POD = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: debug-shell", "  namespace: tools", "spec:", "  containers:",
    "    - name: shell", "      image: busybox:1.36", "      securityContext:", "        privileged: true", ""].join("\n");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-conventions-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const pod = path.join(work, "pod.yaml");
fs.writeFileSync(pod, POD);
const allAdvisory = path.join(work, "advisory.json");
fs.writeFileSync(allAdvisory, JSON.stringify({ all: "advisory" }));

function prodready(args: string[], env: NodeJS.ProcessEnv = {}) {
    const clean = { ...process.env };
    delete clean.FORCE_COLOR;
    delete clean.NO_COLOR;
    return runCli(args, { cwd: work, env: { ...clean, ...env } });
}

describe("--version and --help", () => {
    it("prints the package's version", () => {
        const result = prodready(["--version"]);
        expect(result.code).toBe(0);
        expect(result.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
    });

    it.each([[[]], [["preview"]], [["manifests"]], [["report"]]])("lists the exit codes in %j --help", (command) => {
        const result = prodready([...command, "--help"]);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain("Exit codes:");
        expect(result.stdout).toMatch(/^ {2}0 {2}the gate passed/m);
        expect(result.stdout).toMatch(/^ {2}1 {2}the gate failed/m);
        expect(result.stdout).toMatch(/^ {2}2 {2}the run itself failed/m);
    });
});

describe("colour", () => {
    const ESC = "\u001b[";

    it("follows FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal", () => {
        expect(colorWanted({}, true)).toBe(true);
        expect(colorWanted({}, false)).toBe(false);
        expect(colorWanted({ NO_COLOR: "1" }, true)).toBe(false);
        expect(colorWanted({ NO_COLOR: "" }, true)).toBe(true);
        expect(colorWanted({ FORCE_COLOR: "1" }, false)).toBe(true);
        expect(colorWanted({ FORCE_COLOR: "" }, false)).toBe(true);
        expect(colorWanted({ FORCE_COLOR: "0" }, true)).toBe(false);
        expect(colorWanted({ FORCE_COLOR: "1", NO_COLOR: "1" }, false)).toBe(true);
    });

    it("colours the text report through a pipe with FORCE_COLOR, never the other formats or --output files", () => {
        const out = path.join(work, "forced.txt");
        const forced = prodready(["report", LOG, "--policy-pack-config", RAN_WITH, "--output", `text=${out}`], { FORCE_COLOR: "1" });
        expect(forced.code).toBe(1);
        expect(forced.stdout).toContain(ESC);
        expect(fs.readFileSync(out, "utf8")).not.toContain(ESC);
        expect(prodready(["report", LOG, "--policy-pack-config", RAN_WITH, "--format", "json"], { FORCE_COLOR: "1" }).stdout).not.toContain(ESC);
        expect(prodready(["report", LOG, "--policy-pack-config", RAN_WITH], { FORCE_COLOR: "0" }).stdout).not.toContain(ESC);
        expect(prodready(["report", LOG, "--policy-pack-config", RAN_WITH], { NO_COLOR: "1" }).stdout).not.toContain(ESC);
    });
});

describe("--quiet", () => {
    it("prints only the report: the warnings go, the exit code stays", () => {
        const loud = prodready(["report", NOT_RUN]);
        expect(loud.stderr).toContain("prodready: warning:");
        const quiet = prodready(["report", NOT_RUN, "--quiet"]);
        expect(quiet.code).toBe(1);
        expect(quiet.stderr).toBe("");
        expect(quiet.stdout).toBe(loud.stdout);
    });
});

describe("a single-valued flag given twice", () => {
    it.each([
        [["report", LOG, "--format", "json", "--format", "text"], /--format is given twice/],
        [["report", LOG, "--policy-pack-config", RAN_WITH, "--policy-pack-config", RAN_WITH], /--policy-pack-config is given twice/],
        [["preview", ".", "--stack", "dev", "--stack", "prod"], /--stack is given twice/],
        [["preview", ".", "-s", "dev", "--stack", "prod"], /--stack is given twice/],
        [["manifests", "pod.yaml", "--profile", "checklists", "--profile", "pss-baseline"], /--profile is given twice/],
        [["manifests", "pod.yaml", "--min-score", "50", "--min-score", "60"], /--min-score is given twice/],
    ])("is an error, not last-wins: %j", (args, pattern) => {
        expectOneLineError(prodready(args), pattern);
    });

    it("still takes a flag once, and still refuses a value outside its choices", () => {
        expect(prodready(["report", LOG, "--policy-pack-config", RAN_WITH, "--format", "json"]).code).toBe(1);
        expectOneLineError(prodready(["report", LOG, "--format", "yaml"]), /Allowed choices are text, json, sarif, junit, markdown, html, github, gitlab/);
    });
});

describe("prodready policies", () => {
    it("lists the pack's policies as JSON with name, level, severity, description and checklist ids", () => {
        const result = prodready(["policies", "--format", "json"]);
        expect(result.code).toBe(0);
        const listed = JSON.parse(result.stdout);
        expect(listed.pack).toEqual({ name: "production-readiness", version: expect.any(String) });
        expect(listed.policies.length).toBeGreaterThan(50);
        const privileged = listed.policies.find((p: { name: string }) => p.name === "kubernetes-workload-disallow-privileged");
        expect(privileged).toMatchObject({ enforcementLevel: expect.stringMatching(/^(mandatory|advisory)$/), severity: expect.any(String), description: expect.any(String) });
        expect(privileged.checklist.length).toBeGreaterThan(0);
        expect(listed.policies.map((p: { name: string }) => p.name)).toEqual([...listed.policies.map((p: { name: string }) => p.name)].sort());
    });

    it("lists them as text, one policy a paragraph", () => {
        const result = prodready(["policies"]);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^production-readiness@v\S+: \d+ policies$/m);
        expect(result.stdout).toMatch(/^kubernetes-workload-disallow-privileged {2}\[(mandatory|advisory), \w+(, P\d)?\] {2}checklist: /m);
    });
});

describe("prodready validate-config", () => {
    const write = (name: string, config: unknown) => {
        const file = path.join(work, name);
        fs.writeFileSync(file, typeof config === "string" ? config : JSON.stringify(config));
        return file;
    };

    it("accepts a valid config (exit 0), alone or over a profile", () => {
        const file = write("valid.json", { "all": "mandatory", "aws-rds-require-backup-retention": { minimumDays: 14 } });
        const result = prodready(["validate-config", file]);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/valid\.json: valid for production-readiness@v\S+: \d+ policies, \d+ mandatory, 0 advisory/);
        expect(prodready(["validate-config", file, "--profile", "checklists", "--quiet"])).toMatchObject({ code: 0, stdout: "", stderr: "" });
    });

    it.each([
        ["unknown-policy.json", { "no-such-policy": "advisory" }, /unknown-policy\.json: unknown policy "no-such-policy"/],
        ["unknown-setting.json", { "aws-rds-require-backup-retention": { minimumRetentionDays: 7 } }, /has no setting "minimumRetentionDays" \(settings: .*minimumDays/],
        ["bad-value.json", { "aws-rds-require-backup-retention": { minimumDays: "seven" } }, /"aws-rds-require-backup-retention" is invalid: minimumDays must be (integer|number)/],
        ["bad-level.json", { all: "strict" }, /enforcement level must be one of advisory, mandatory, remediate, disabled/],
        ["not-json.json", "{ all: ", /not-json\.json is not valid JSON/],
    ])("refuses %s with exit 2 and one line", (name, config, pattern) => {
        expectOneLineError(prodready(["validate-config", write(name, config)]), pattern);
    });
});

describe("--fail-on and --min-score", () => {
    it("--fail-on advisory fails a run whose only violations are advisory", () => {
        const base = ["manifests", pod, "--policy-pack-config", allAdvisory];
        expect(prodready(base).code).toBe(0);
        const strict = prodready([...base, "--fail-on", "advisory"]);
        expect(strict.code).toBe(1);
        expect(strict.stderr).toMatch(/^prodready: gate: fails \(exit 1\): \d+ advisory violations \(--fail-on advisory\)$/m);
        expect(prodready([...base, "--fail-on", "mandatory"]).code).toBe(0);
    }, 120000);

    it("--min-score fails a run whose readiness score is below it", () => {
        const base = ["manifests", pod, "--policy-pack-config", allAdvisory];
        const score = JSON.parse(prodready([...base, "--format", "json"]).stdout).score.score as number;
        expect(score).toBeLessThan(100);
        const below = prodready([...base, "--min-score", "100"]);
        expect(below.code).toBe(1);
        expect(below.stderr).toContain(`prodready: gate: fails (exit 1): readiness score ${score}% is below --min-score 100`);
        expect(prodready([...base, "--min-score", String(score)]).code).toBe(0);
        expectOneLineError(prodready([...base, "--min-score", "high"]), /expected a readiness score from 0 to 100, got "high"/);
    }, 120000);

    it("also applies to a report read from an event log", () => {
        expect(prodready(["report", LOG, "--policy-pack-config", RAN_WITH, "--min-score", "0", "--fail-on", "advisory"]).code).toBe(1);
    });
});
