import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { manifestRun, readManifests } from "../../src/manifests";
import { displayPath, sourceLocations } from "../../src/report/locations";
import { buildSarif, resultFingerprint } from "../../src/report/sarif";
import { renderJunit } from "../../src/report/junit";
import { ciLineLink, renderMarkdown } from "../../src/report/markdown";
import { renderText } from "../../src/report/text";
import { fixtureReport } from "./fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "prodready.js");

// Two documents and a List of two: each object's own line, as kubectl reads them.
const MANIFESTS = `# rendered by helm
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      securityContext: {runAsUser: 500}
      containers: [{name: app, image: "registry.example.com/web:1.0.0"}]
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: one, namespace: shop}
    spec:
      securityContext: {runAsUser: 600}
      containers: [{name: app, image: "registry.example.com/one:1.0.0"}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: two, namespace: shop}
    spec:
      securityContext: {runAsUser: 700}
      containers: [{name: app, image: "registry.example.com/two:1.0.0"}]
`;

function scratch(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-locations-"));
    fs.writeFileSync(path.join(dir, "app.yaml"), MANIFESTS);
    return dir;
}

function sarifOf(args: string[], cwd: string): Log {
    const r = spawnSync(process.execPath, [CLI, "manifests", ...args, "--format", "sarif"], { cwd, encoding: "utf8", timeout: 120000 });
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout);
}

describe("where findings point", () => {
    it("gives each manifest object, each List item included, the line it starts on", () => {
        const dir = scratch();
        const run = manifestRun(readManifests([path.join(dir, "app.yaml")]));
        const locations = sourceLocations(run.resources, dir);
        expect(run.resources.map((r) => [r.name, locations.get(r.urn)?.file, locations.get(r.urn)?.line]))
            .toEqual([["shop/web", "app.yaml", 2], ["shop/one", "app.yaml", 17], ["shop/two", "app.yaml", 23]]);
    });

    it("shows paths relative to the root with forward slashes, and keeps others absolute", () => {
        expect(displayPath(path.join("/repo", "stacks", "index.ts"), "/repo")).toBe("stacks/index.ts");
        expect(displayPath("/elsewhere/index.ts", "/repo")).toBe("/elsewhere/index.ts");
        expect(displayPath("<stdin>", "/repo")).toBe("<stdin>");
    });

    it("points SARIF results at the object's line, and keeps fingerprints across a threshold change", () => {
        const dir = scratch();
        const config = path.join(dir, "config.json");
        fs.writeFileSync(config, JSON.stringify({ "kubernetes-workload-restrict-run-as-user": { minimumUid: 10000 } }));
        fs.mkdirSync(path.join(dir, ".git"));
        const before = sarifOf(["app.yaml"], dir);
        const after = sarifOf(["app.yaml", "--policy-pack-config", "config.json"], dir);
        const runAsUser = (log: Log) => (log.runs[0].results ?? []).filter((r) => r.ruleId === "kubernetes-workload-restrict-run-as-user");
        const placed = (log: Log) => runAsUser(log).map((r) => [r.locations?.[0].logicalLocations?.[0].name,
            r.locations?.[0].physicalLocation?.artifactLocation?.uri, r.locations?.[0].physicalLocation?.region?.startLine]);
        expect(placed(before)).toEqual([["shop/web", "app.yaml", 2], ["shop/one", "app.yaml", 17], ["shop/two", "app.yaml", 23]]);
        expect(placed(after)).toEqual(placed(before));
        // The message holds the threshold, the fingerprint does not.
        expect(runAsUser(after).map((r) => r.message.text)).not.toEqual(runAsUser(before).map((r) => r.message.text));
        expect(runAsUser(after).map((r) => r.partialFingerprints)).toEqual(runAsUser(before).map((r) => r.partialFingerprints));
    });

    it("leaves standard input without an artifact, and names it in text", () => {
        const r = spawnSync(process.execPath, [CLI, "manifests", "-", "--format", "sarif"], { cwd: ROOT, input: MANIFESTS, encoding: "utf8", timeout: 120000 });
        const results = (JSON.parse(r.stdout) as Log).runs[0].results ?? [];
        expect(results.length).toBeGreaterThan(0);
        expect(results.filter((x) => x.locations?.[0].physicalLocation)).toEqual([]);
        const text = spawnSync(process.execPath, [CLI, "manifests", "-"], { cwd: ROOT, input: MANIFESTS, encoding: "utf8", timeout: 120000 }).stdout;
        expect(text).toContain("(kubernetes:core/v1:Pod: shop/two)  <stdin>:23");
    });
});

describe("objects of a Kubernetes ConfigFile", () => {
    it("point at their line in the file, not at the component's call", async () => {
        const { preview } = await import("../../src/preview");
        const dir = path.join(ROOT, "tests", "program", "fixtures", "programs", "configfile-root-pod");
        const result = await preview(dir);
        const pod = result.run.resources.find((r) => r.type === "kubernetes:core/v1:Pod");
        const text = fs.readFileSync(path.join(dir, "root-pod.yaml"), "utf8").split("\n");
        expect(pod?.source?.file).toBe(path.join(dir, "root-pod.yaml"));
        expect(pod?.source?.line).toBe(4);
        expect(text.slice(pod!.source!.line - 1).join("\n")).toMatch(/^apiVersion: v1\nkind: Pod/);
        // The component itself keeps the program's line.
        const component = result.run.resources.find((r) => r.type === "kubernetes:yaml:ConfigFile");
        expect(component?.source).toEqual({ file: path.join(dir, "index.js"), line: 4, column: 1 });
    }, 120000);
});

describe("fingerprints", () => {
    it("depend on the policy, the resource and the order of its findings, not on the message", () => {
        const urn = "urn:pulumi:prod::shop::aws:rds/instance:Instance::db";
        expect(resultFingerprint("p", urn, "finding", 0)).toBe(resultFingerprint("p", urn, "finding", 0));
        expect(new Set([resultFingerprint("p", urn, "finding", 0), resultFingerprint("p", urn, "finding", 1), resultFingerprint("q", urn, "finding", 0),
            resultFingerprint("p", `${urn}2`, "finding", 0), resultFingerprint("p", urn, "exempt", 0), resultFingerprint("p", undefined, "finding", 0)]).size).toBe(6);
    });

    it("tell apart several findings of one policy on one resource", () => {
        const report = fixtureReport();
        const first = report.findings[0];
        const twice = { ...report, findings: [first, { ...first, message: `${first.message} (second container)` }] };
        const prints = (buildSarif(twice).runs[0].results ?? []).filter((r) => r.kind !== "notApplicable").map((r) => JSON.stringify(r.partialFingerprints));
        expect(new Set(prints).size).toBe(2);
    });
});

describe("every format carries the line", () => {
    const report = fixtureReport();
    const located = { ...report, findings: report.findings.map((f, i) => ({ ...f, location: { file: `stacks/app/index.ts`, line: 40 + i, column: 5 } })) };

    it("text puts file:line next to the resource", () => {
        expect(renderText(located)).toContain("stacks/app/index.ts:40");
    });

    it("SARIF has the physical location with line and column, and the URN as logical location", () => {
        const result = buildSarif(located).runs[0].results![0];
        expect(result.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: "stacks/app/index.ts", index: expect.any(Number) }, region: { startLine: 40, startColumn: 5 } });
        expect(result.locations![0].logicalLocations![0].fullyQualifiedName).toBe(located.findings[0].urn);
    });

    it("JUnit has file and line attributes", () => {
        expect(renderJunit(located)).toMatch(/<testcase [^>]*file="stacks\/app\/index.ts"[^>]*line="40"/);
    });

    it("Markdown links the line on GitHub Actions and GitLab CI, and only names it elsewhere", () => {
        const github = ciLineLink({ GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/infra", GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567" });
        expect(renderMarkdown(located, { lineLink: github })).toContain("[`stacks/app/index.ts:40`](https://github.com/acme/infra/blob/0123456789abcdef0123456789abcdef01234567/stacks/app/index.ts#L40)");
        const gitlab = ciLineLink({ CI_PROJECT_URL: "https://gitlab.example.com/acme/infra", CI_COMMIT_SHA: "0123456789abcdef" });
        expect(gitlab({ file: "a b/index.ts", line: 3 })).toBe("https://gitlab.example.com/acme/infra/-/blob/0123456789abcdef/a%20b/index.ts#L3");
        expect(renderMarkdown(located, { lineLink: ciLineLink({}) })).toContain(" at `stacks/app/index.ts:40`");
        // A path outside the repository, or a forged address, gets no link.
        expect(github({ file: "/etc/passwd", line: 1 })).toBeUndefined();
        expect(github({ file: "../x.ts", line: 1 })).toBeUndefined();
        expect(ciLineLink({ GITHUB_SERVER_URL: "javascript:alert(1)", GITHUB_REPOSITORY: "a/b", GITHUB_SHA: "0123456" })({ file: "a.ts", line: 1 })).toBeUndefined();
    });
});
