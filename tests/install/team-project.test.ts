// prodready added to a team's own Pulumi TypeScript project, outside this repository, with the
// project's own @pulumi/pulumi and @pulumi/kubernetes: one `npm install -D` of the packed package,
// one preview that writes SARIF, JUnit and HTML and annotates for GitHub at once, with the team's
// own pack (examples/team-pack, docs/team-pack.md) judging beside prodready's in that same run.
// The team pack has no install of its own: it takes prodready, the policy SDK and TypeScript from
// the project's node_modules, and its spec proves its policy with prodready's test kit there.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installedVersion, pack, readJson, ROOT, ROOT_PACKAGE, run, SDK_VERSION, succeed, withNpm } from "./packing";

const PRIVILEGED = "kubernetes-workload-disallow-privileged";
const TEAM_POLICY = "acme-kubernetes-require-owner-label";
const EXAMPLE = path.join(ROOT, "examples", "team-pack");
const TEAM_PACK_NAME = "acme-platform";

/** The program: a privileged Pod, declared on a line the annotations must point at. */
const PROGRAM = [
    `import * as k8s from "@pulumi/kubernetes";`,
    ``,
    `// A debugging shell someone left behind.`,
    `export const shell = new k8s.core.v1.Pod("debug-shell", {`,
    `    metadata: { name: "debug-shell", namespace: "tools" },`,
    `    spec: { containers: [{ name: "shell", image: "busybox:1.36", securityContext: { privileged: true } }] },`,
    `});`,
    ``,
].join("\n");
const POD_LINE = PROGRAM.split("\n").findIndex((line) => line.includes("new k8s.core.v1.Pod(")) + 1;

/** A fresh project as `pulumi new kubernetes-typescript` makes one, with the team's pack beside it. */
function writeProject(dir: string): void {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: team-cluster\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({
        name: "team-cluster",
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": SDK_VERSION, "@pulumi/kubernetes": installedVersion("@pulumi/kubernetes") },
        // ts-node runs the team pack's spec; the pack itself runs as the Pulumi SDK runs TypeScript.
        devDependencies: { "@types/node": installedVersion("@types/node"), "ts-node": installedVersion("ts-node"), typescript: installedVersion("typescript") },
    }, null, 2));
    fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
    fs.cpSync(EXAMPLE, path.join(dir, "team-pack"), { recursive: true, filter: (src) => !src.split(path.sep).includes("node_modules") });
}

withNpm("a team's Pulumi TypeScript project with prodready installed from its package", () => {
    let work: string;
    let project: string;
    // As the team types it; npmEnvironment() keeps npx from fetching a package the project lacks.
    const npx = (...args: string[]) => run("npx", args, project, 180_000);

    beforeAll(async () => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-team-project-"));
        project = path.join(work, "team-cluster");
        writeProject(project);
        const { tarball } = await pack(ROOT, work);
        await succeed("npm", ["install", "-D", tarball, "--prefer-offline"], project, 400_000);
    }, 420_000);
    afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

    it("runs `npx prodready --version`", async () => {
        const result = await npx("prodready", "--version");
        expect(result).toMatchObject({ code: 0, stderr: "" });
        expect(result.stdout.trim()).toBe(ROOT_PACKAGE.version);
        expect(readJson(path.join(project, "package.json")).devDependencies.prodready).toMatch(/^file:/);
    }, 60_000);

    it("fails a privileged Pod in one preview that writes SARIF, JUnit and HTML, annotates its line, and runs the team's pack beside prodready's", async () => {
        const result = await npx("prodready", "preview", ".", "--output", "sarif=a.sarif", "--output", "junit=a.xml", "--output", "html=a.html",
            "--format", "github", "--policy-pack", "./team-pack");
        expect(result.stderr).not.toMatch(/error/i);
        expect(result.code).toBe(1);
        const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::"));
        for (const policy of [PRIVILEGED, TEAM_POLICY]) {
            expect(annotations).toContainEqual(expect.stringMatching(new RegExp(`^::error file=index\\.ts,line=${POD_LINE}(,col=\\d+)?,title=${policy}::`)));
        }
        expect(result.stdout).toContain(`${TEAM_PACK_NAME}@v1.0.0`);

        const sarif = readJson(path.join(project, "a.sarif"));
        const results: Array<{ ruleId: string; locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }>; properties?: { pack?: string } }> = sarif.runs[0].results;
        const privileged = results.find((r) => r.ruleId === PRIVILEGED);
        expect(privileged?.locations?.[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: "index.ts" }, region: { startLine: POD_LINE } });
        expect(results.find((r) => r.ruleId === TEAM_POLICY)?.properties).toMatchObject({ pack: TEAM_PACK_NAME });

        const junit = fs.readFileSync(path.join(project, "a.xml"), "utf8");
        const html = fs.readFileSync(path.join(project, "a.html"), "utf8");
        for (const policy of [PRIVILEGED, TEAM_POLICY]) {
            expect(junit).toMatch(new RegExp(`<testcase classname="${policy}"[^>]* file="index\\.ts" line="${POD_LINE}">\\s*<failure `));
            expect(html).toContain(policy);
        }
        expect(html).toContain("runs privileged");
        expect(html).toContain("has no &#39;owner&#39; label");
    }, 240_000);

    it("proves the team's policy with prodready's test kit", async () => {
        const result = await run("npm", ["test"], path.join(project, "team-pack"), 120_000);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^# pass [1-9]\d*$/m);
        expect(result.stdout).toMatch(/^# fail 0$/m);
        expect(result.stdout).toContain("reports labels unknown during preview as unknown, not as a verdict");
    }, 150_000);

    it("gives the policies to `require('prodready')` without side effects", async () => {
        const bare = await run(process.execPath, ["-e", "require('prodready')"], project, 60_000);
        expect(bare).toEqual({ code: 0, stdout: "", stderr: "" });
        // Loaded and listed, the policies leave nothing running: no server, no child process, no timer.
        const listed = await run(process.execPath, ["-e", [
            "const prodready = require('prodready');",
            "const policies = prodready.loadPolicies();",
            "const stdio = [process.stdout, process.stderr];",
            "const handles = process._getActiveHandles().filter((h) => !stdio.includes(h)).map((h) => h.constructor.name);",
            "console.log(JSON.stringify({ policies: policies.length, privileged: policies.some((p) => p.name === 'kubernetes-workload-disallow-privileged'),",
            "  handles, requests: process._getActiveRequests().length, kit: typeof prodready.testing.checkResource }));",
        ].join("\n")], project, 60_000);
        expect(listed.stderr).toBe("");
        expect(listed.code).toBe(0);
        const seen = JSON.parse(listed.stdout);
        expect(seen).toEqual({ policies: expect.any(Number), privileged: true, handles: [], requests: 0, kit: "function" });
        expect(seen.policies).toBeGreaterThan(200);
    }, 90_000);
});
