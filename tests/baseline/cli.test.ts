// Adopting on existing findings, through the command line as a user runs it (after `npm run build`):
// a baseline written and reapplied passes, a new finding fails alone, a changed resource brings its
// findings back, entries whose finding is gone are stale, and `report` follows the engine's steps.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expectOneLineError, runCli } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(__dirname, "fixtures");
const TERMS = ["--baseline-reason", "adopted with the gate on", "--baseline-expires", "2099-12-31"];

const prodready = (...args: string[]) => runCli(args);

function json(result: ReturnType<typeof prodready>): any {
    expect(result.code).not.toBe(2);
    return JSON.parse(result.stdout);
}

function deployment(name: string, image = "registry.example.com/web:1.0.0"): string {
    return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      securityContext: {runAsUser: 0}
      containers: [{name: app, image: "${image}"}]
`;
}

const SSH_SERVICE = `apiVersion: v1
kind: Service
metadata: {name: ssh, namespace: shop}
spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 22}]}
`;

/** Failing findings that are not debt: what the gate fails on. */
function newFindings(report: any): any[] {
    return report.findings.filter((f: any) => !f.debt && (f.outcome === "violation" || f.notVerified));
}

describe("a baseline in manifest mode", () => {
    let dir: string;
    let manifest: string;
    let baseline: string;
    let entries: any[];

    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-baseline-"));
        manifest = path.join(dir, "app.yaml");
        baseline = path.join(dir, "baseline.yaml");
        fs.writeFileSync(manifest, `${deployment("web")}---\n${deployment("api")}`);
        const written = prodready("manifests", manifest, "--write-baseline", baseline, ...TERMS, "--format", "json");
        expect(written.code).toBe(0);
        expect(written.stderr).toMatch(/wrote \d+ entries to the baseline/);
        const report = json(written);
        expect(report.summary).toMatchObject({ mandatory: 0, advisory: 0, passed: true });
        entries = require("yaml").parse(fs.readFileSync(baseline, "utf8")).entries;
        expect(entries.length).toBe(report.summary.baselined);
    });

    it("writes one sorted entry per failing finding, with its fingerprint, resource, inputs digest, reason and date", () => {
        expect(entries.length).toBeGreaterThan(4);
        for (const e of entries) {
            expect(Object.keys(e)).toEqual(["fingerprint", "policy", "resource", "inputs", "reason", "expires"]);
            expect(e.fingerprint).toMatch(/^[0-9a-f]{64}$/);
            expect(e.inputs).toMatch(/^sha256:[0-9a-f]{64}$/);
            expect(e).toMatchObject({ reason: "adopted with the gate on", expires: "2099-12-31" });
        }
        const keys = entries.map((e) => `${e.policy}\u0000${e.resource}\u0000${e.fingerprint}`);
        expect(keys).toEqual([...keys].sort());
        // The fingerprints are SARIF's: code scanning and the baseline name a finding alike.
        const sarif = JSON.parse(prodready("manifests", manifest, "--format", "sarif").stdout);
        const prints = sarif.runs[0].results.map((r: any) => r.partialFingerprints["prodready/v2"]).sort();
        expect(entries.map((e) => e.fingerprint).sort()).toEqual(prints);
    });

    it("reapplied, passes (exit 0) with every finding baselined; written again, gives the same bytes", () => {
        const before = fs.readFileSync(baseline, "utf8");
        const again = path.join(dir, "again.yaml");
        const applied = prodready("manifests", manifest, "--baseline", baseline, "--format", "json");
        expect(applied.code).toBe(0);
        const report = json(applied);
        expect(report.summary).toMatchObject({ mandatory: 0, advisory: 0, baselined: entries.length, passed: true });
        expect(report.baseline).toMatchObject({ entries: entries.length, applied: entries.length, stale: [], lapsed: [] });
        expect(prodready("manifests", manifest, "--write-baseline", again, ...TERMS).code).toBe(0);
        expect(fs.readFileSync(again, "utf8")).toBe(before);
        // Without the baseline the same manifests fail: it is the baseline that lets them pass.
        expect(prodready("manifests", manifest).code).toBe(1);
    });

    it("fails (exit 1) on one new violation, naming only it", () => {
        const changed = path.join(dir, "with-service.yaml");
        fs.writeFileSync(changed, `${fs.readFileSync(manifest, "utf8")}---\n${SSH_SERVICE}`);
        const result = prodready("manifests", changed, "--baseline", baseline, "--format", "json");
        expect(result.code).toBe(1);
        const report = json(result);
        expect(newFindings(report).map((f) => f.name)).toEqual(["shop/ssh"]);
        expect(report.summary.baselined).toBe(entries.length);
        const text = prodready("manifests", changed, "--baseline", baseline).stdout;
        const failing = text.split("\n").filter((l) => /^\s+- \[(mandatory|advisory|not verified)\]/.test(l));
        expect(failing).toEqual([expect.stringMatching(/kubernetes-service-restrict-load-balancer-ports .*shop\/ssh/)]);
        expect(text).toMatch(/Gate: fails \(exit 1\): 1 new mandatory violation/);
    });

    it("brings a resource's findings back the moment its inputs change (the ratchet)", () => {
        const changed = path.join(dir, "new-image.yaml");
        fs.writeFileSync(changed, `${deployment("web", "registry.example.com/web:1.0.1")}---\n${deployment("api")}`);
        const result = prodready("manifests", changed, "--baseline", baseline, "--format", "json");
        expect(result.code).toBe(1);
        const report = json(result);
        const web = entries.filter((e) => e.resource.endsWith("::shop/web"));
        expect(new Set(newFindings(report).map((f) => f.name))).toEqual(new Set(["shop/web"]));
        expect(newFindings(report)).toHaveLength(web.length);
        expect(report.baseline.lapsed.map((l: any) => [l.fingerprint, l.why])).toEqual(expect.arrayContaining(web.map((e) => [e.fingerprint, "changed"])));
        expect(report.baseline.lapsed).toHaveLength(web.length);
        expect(report.baseline.applied).toBe(entries.length - web.length);
        const text = prodready("manifests", changed, "--baseline", baseline).stdout;
        expect(text).toMatch(/^Baseline: \d+ entries on kubernetes:apps\/v1:Deployment: shop\/web no longer apply, so their findings are new again: the resource's inputs changed/m);
    });

    it("reports entries whose finding is gone as stale, in one line and in JSON, and still passes", () => {
        const fewer = path.join(dir, "web-only.yaml");
        fs.writeFileSync(fewer, deployment("web"));
        const result = prodready("manifests", fewer, "--baseline", baseline, "--format", "json");
        expect(result.code).toBe(0);
        const api = entries.filter((e) => e.resource.endsWith("::shop/api"));
        expect(json(result).baseline.stale.map((s: any) => s.fingerprint).sort()).toEqual(api.map((e) => e.fingerprint).sort());
        const lines = prodready("manifests", fewer, "--baseline", baseline).stdout.split("\n").filter((l) => /stale/.test(l));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^Baseline .*: ${entries.length - api.length} of ${entries.length} entries applied; ${api.length} stale \\(the finding is gone: delete them\\): .*shop/api`));
    });

    it("stops applying an expired entry, and says so", () => {
        const expired = path.join(dir, "expired.yaml");
        const first = entries[0];
        fs.writeFileSync(expired, fs.readFileSync(baseline, "utf8").replace(/expires: 2099-12-31/, "expires: 2020-01-31"));
        const result = prodready("manifests", manifest, "--baseline", expired, "--format", "json");
        const report = json(result);
        expect(report.summary.mandatory + report.summary.advisory).toBe(1);
        expect(report.baseline.lapsed).toEqual([expect.objectContaining({ fingerprint: first.fingerprint, why: "expired", detail: "expired on 2020-01-31" })]);
        expect(newFindings(report)).toHaveLength(1);
        expect(newFindings(report)[0]).toMatchObject({ policy: first.policy });
    });

    it("refuses a malformed baseline and missing terms with one line (exit 2)", () => {
        const bad = path.join(dir, "bad.yaml");
        fs.writeFileSync(bad, "version: 1\nentries:\n  - policy: kubernetes-workload-require-probes\n    reason: r\n    expires: 2099-01-01\n");
        expectOneLineError(prodready("manifests", manifest, "--baseline", bad), /baseline .*bad\.yaml entry 1 has no fingerprint/);
        fs.writeFileSync(bad, "version: 1\nentries: [\n");
        expectOneLineError(prodready("manifests", manifest, "--baseline", bad), /baseline .*bad\.yaml line \d+ is not valid YAML/);
        fs.writeFileSync(bad, fs.readFileSync(baseline, "utf8").replace(/reason: adopted with the gate on/, "reason: \"\""));
        expectOneLineError(prodready("manifests", manifest, "--baseline", bad), /entry 1 has no reason/);
        expectOneLineError(prodready("manifests", manifest, "--baseline", path.join(dir, "missing.yaml")), /cannot read the baseline .*missing\.yaml: ENOENT/);
        expectOneLineError(prodready("manifests", manifest, "--write-baseline", path.join(dir, "x.yaml")), /--write-baseline needs --baseline-reason <text> and --baseline-expires/);
        expectOneLineError(prodready("manifests", manifest, "--write-baseline", path.join(dir, "x.yaml"), "--baseline-reason", "r", "--baseline-expires", "2020-02-30"),
            /--baseline-expires "2020-02-30" is not a calendar day/);
        expect(fs.existsSync(path.join(dir, "x.yaml"))).toBe(false);
    });

    it("--changed-only without any step counts every resource as touched, and says so", () => {
        const result = prodready("manifests", manifest, "--changed-only", "--format", "json");
        expect(result.code).toBe(1);
        expect(json(result)).toMatchObject({ changedOnly: { stepsKnown: false }, summary: { untouched: 0 } });
    });
});

describe("a baseline of an embedded preview", () => {
    // A privileged Deployment whose namespace, image registry and name come from secret config.
    const PROGRAM = path.join(ROOT, "tests", "program", "fixtures", "programs", "secret-registry");

    it("is written and reapplied (exit 0) with no secret value in the file", () => {
        const baseline = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodready-baseline-")), "baseline.yaml");
        expect(prodready("preview", PROGRAM, "-q").code).toBe(1);
        expect(prodready("preview", PROGRAM, "-q", "--write-baseline", baseline, ...TERMS).code).toBe(0);
        const text = fs.readFileSync(baseline, "utf8");
        expect(text).toMatch(/kubernetes-workload-disallow-privileged/);
        expect(text).not.toMatch(/payments-prod|registry\.example\.com|checkout-squad/);
        const applied = prodready("preview", PROGRAM, "-q", "--baseline", baseline, "--format", "json");
        expect(applied.code).toBe(0);
        expect(json(applied).baseline).toMatchObject({ stale: [], lapsed: [] });
    });
});

describe("`prodready report` follows the engine's steps", () => {
    // Hand-made from tests/report/fixtures/preview.event-log.jsonl (the shape of pulumi v3.248.0's
    // event log): the same events, with each resourcePreEvent's op set to `same` (an existing stack
    // the change leaves alone), and in update.event-log.jsonl to `update` on the security group.
    const SAME = path.join(FIXTURES, "same.event-log.jsonl");
    const UPDATE = path.join(FIXTURES, "update.event-log.jsonl");
    const CONFIG = ["--policy-pack-config", path.join(FIXTURES, "policy-pack-config.json")];
    const SG = "urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg";

    it("keeps an entry on a `same` step and drops it on an `update`", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-baseline-"));
        const baseline = path.join(dir, "baseline.yaml");
        expect(prodready("report", UPDATE, ...CONFIG).code).toBe(1);
        const written = prodready("report", SAME, ...CONFIG, "--write-baseline", baseline, ...TERMS, "--format", "json");
        expect(written.code).toBe(0);
        expect(json(written).summary).toMatchObject({ mandatory: 0, baselined: 1 });
        // The digest of the event log's inputs is recorded, but the engine's step decides: `same` keeps
        // the entry even where the recorded digest no longer matches.
        const edited = path.join(dir, "other-digest.yaml");
        fs.writeFileSync(edited, fs.readFileSync(baseline, "utf8").replace(/inputs: sha256:[0-9a-f]{64}/, `inputs: sha256:${"0".repeat(64)}`));
        const same = prodready("report", SAME, ...CONFIG, "--baseline", edited, "--format", "json");
        expect(same.code).toBe(0);
        expect(json(same).findings.find((f: any) => f.urn === SG).debt).toMatchObject({ kind: "baselined" });
        const updated = prodready("report", UPDATE, ...CONFIG, "--baseline", baseline, "--format", "json");
        expect(updated.code).toBe(1);
        const report = json(updated);
        expect(newFindings(report).map((f) => f.urn)).toEqual([SG]);
        expect(report.baseline.lapsed).toEqual([expect.objectContaining({ urn: SG, why: "changed", detail: "the change updates the resource (step update)" })]);
    });

    it("--changed-only fails on the resources the change touches and reports the others apart", () => {
        const same = prodready("report", SAME, ...CONFIG, "--changed-only", "--format", "json");
        expect(same.code).toBe(0);
        const report = json(same);
        expect(report.changedOnly).toEqual({ stepsKnown: true });
        expect(report.findings.find((f: any) => f.urn === SG).debt).toEqual({ kind: "untouched", step: "same" });
        expect(report.summary).toMatchObject({ mandatory: 0, untouched: 1, passed: true });
        const text = prodready("report", SAME, ...CONFIG, "--changed-only").stdout;
        expect(text).toMatch(/- \[untouched\]  aws-ec2-restrict-public-ingress/);
        expect(prodready("report", UPDATE, ...CONFIG, "--changed-only").code).toBe(1);
    });
});
