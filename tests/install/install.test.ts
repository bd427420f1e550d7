// prodready as a team adds it to its own infrastructure repository: `npm install -D prodready`, then
// `npx prodready`. Both packages are packed as they would be published (from the build `npm test`
// makes: dist/ and policies/bin/), the root tarball is installed into a project outside the
// repository that has its own @pulumi/pulumi, and the CLI runs there on a TypeScript, a YAML and a
// Python program and on a manifest. The pack is also copied alone, installed and built on its own,
// as `pulumi policy publish` and Pulumi Cloud take it. Packing and npm: tests/install/packing.ts.
import { spawnSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { pack, Packed, PACK_PACKAGE, readJson, ROOT, ROOT_PACKAGE, run, SDK_VERSION, succeed, withNpm } from "./packing";

const PYTHON = path.join(ROOT, ".venv-python", "bin", "python");
const PRIVILEGED = "kubernetes-workload-disallow-privileged";
/** The packed root package stays small: compiled code, the pack and the data it reads, no tests. */
const MAX_TARBALL_BYTES = 2 * 1024 * 1024;

function walk(dir: string, keep: (file: string) => boolean): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === "node_modules" ? [] : walk(full, keep);
        }
        return keep(full) ? [full] : [];
    });
}

const relative = (file: string, from = ROOT) => path.relative(from, file).split(path.sep).join("/");
const isSource = (file: string) => file.endsWith(".ts") && !file.endsWith(".d.ts");

/**
 * What prodready reads from its package root at run time, named in src/ as
 * `path.join(packageRoot(), "a", "b")`: each must ship, or be listed here with why it need not.
 */
const NOT_SHIPPED: Record<string, string> = {
    "tsconfig.base.json": "read only when prodready runs from its TypeScript sources",
};

function packageRootPaths(): string[] {
    const found = new Set<string>();
    for (const file of walk(path.join(ROOT, "src"), isSource)) {
        for (const match of fs.readFileSync(file, "utf8").matchAll(/path\.join\(packageRoot\(\),\s*((?:"[^"]+"\s*,?\s*)+)\)/g)) {
            found.add([...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]).join("/"));
        }
    }
    return [...found].sort();
}

/** The packages a module requires by name; relative and built-in ones are left out. */
function requiredPackages(text: string): string[] {
    const names = [...text.matchAll(/require\("([^".][^"]*)"\)/g)].map((m) => m[1])
        .filter((name) => !name.startsWith("node:") && !builtinModules.includes(name.split("/")[0]));
    return names.map((name) => name.split("/").slice(0, name.startsWith("@") ? 2 : 1).join("/"));
}

function relativeRequires(text: string): string[] {
    return [...text.matchAll(/require\("(\.{1,2}\/[^"]*)"\)/g)].map((m) => m[1]);
}

// Made by the first suite that runs, so a skipped file leaves nothing behind.
let work: string;
beforeAll(() => { work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-install-")); });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let packing: Promise<[Packed, Packed]> | undefined;

/** Both tarballs, packed once for every suite of this file. */
function packBoth(): Promise<[Packed, Packed]> {
    packing ??= Promise.all([pack(ROOT, work), pack(path.join(ROOT, "policies"), work)]);
    return packing;
}

describe("the published packages", () => {
    let root: Packed;
    let packOnly: Packed;
    let unpacked: string;

    beforeAll(async () => {
        [root, packOnly] = await packBoth();
        unpacked = path.join(work, "unpacked");
        fs.mkdirSync(unpacked);
        await succeed("tar", ["-xzf", root.tarball, "-C", unpacked], work);
        unpacked = path.join(unpacked, "package");
    }, 120_000);

    it("ship compiled code and the data it reads, not the repository's tests, stacks or sources", () => {
        expect(root.size).toBeLessThan(MAX_TARBALL_BYTES);
        const outside = root.files.filter((f) => /^(tests|stacks|scripts|bench|node_modules)\//.test(f) || isSource(f));
        expect(outside).toEqual([]);
        expect(root.files).toEqual(expect.arrayContaining([
            "bin/prodready.js", "package.json", "README.md", "LICENSE",
            "policies/PulumiPolicy.yaml", "policies/package.json", "policies/bin/index.js",
            // The main module, its types, and the test kit it exports.
            "policies/bin/api.js", "policies/bin/api.d.ts", "policies/bin/testing.js", "policies/bin/testing.d.ts",
            "catalog/checklist.yaml", "catalog/unstated.yaml", "docs/report.schema.json",
            "src/program/python/run.py", "src/program/stand-ins/stand-ins.json",
        ]));
        expect(readJson(path.join(unpacked, "package.json")).private).toBeUndefined();
    });

    it("ship every module compiled from src/ and every policy compiled from policies/, and no stale one", () => {
        const shipped = new Set(root.files);
        const modules = walk(path.join(ROOT, "src"), isSource).map((f) => `dist/${relative(f).replace(/\.ts$/, ".js")}`);
        expect(modules.filter((m) => !shipped.has(m))).toEqual([]);
        const policySources = walk(path.join(ROOT, "policies"), (f) => isSource(f) && !relative(f).startsWith("policies/bin/"));
        // Each source compiles to its module and its declarations, which type a team's own pack.
        const compiled = policySources.flatMap((f) => [".js", ".d.ts"].map((ext) => `policies/bin/${relative(f, path.join(ROOT, "policies")).replace(/\.ts$/, ext)}`));
        expect(compiled.filter((m) => !shipped.has(m))).toEqual([]);
        // The build also writes the index the pack starts from (policies/serving/policy-index.ts).
        const built = [...compiled, "policies/bin/policy-index.json"];
        expect(shipped.has("policies/bin/policy-index.json")).toBe(true);
        // The pack loads every policy file below bin/: one whose source is gone would still judge.
        const stale = root.files.filter((f) => f.startsWith("policies/bin/") && !built.includes(f));
        expect(stale).toEqual([]);
    });

    it("ship every file prodready reads from its package root", () => {
        const paths = packageRootPaths();
        expect(paths).toEqual(expect.arrayContaining(["catalog/checklist.yaml", "policies", "profiles", "src/program/stand-ins/stand-ins.json"]));
        const missing = paths.filter((p) => !(p in NOT_SHIPPED) && !root.files.some((f) => f === p || f.startsWith(`${p}/`)));
        expect(missing).toEqual([]);
        expect(root.files.filter((f) => /^profiles\/[^/]+\.json$/.test(f)).length).toBeGreaterThan(0);
        expect(root.files.filter((f) => f.startsWith("src/program/preload/") && f.endsWith(".js")).sort())
            .toEqual(fs.readdirSync(path.join(ROOT, "src", "program", "preload")).filter((f) => f.endsWith(".js")).map((f) => `src/program/preload/${f}`).sort());
    });

    it("ship every module a shipped module requires, and declare every package they require", () => {
        const shipped = new Set(root.files);
        const declared = Object.keys(ROOT_PACKAGE.dependencies);
        const unresolved: string[] = [];
        const undeclared = new Set<string>();
        for (const file of root.files.filter((f) => f.endsWith(".js"))) {
            const text = fs.readFileSync(path.join(unpacked, file), "utf8");
            for (const target of relativeRequires(text)) {
                const base = path.posix.join(path.posix.dirname(file), target);
                if (![base, `${base}.js`, `${base}.json`, `${base}/index.js`].some((c) => shipped.has(c))) {
                    unresolved.push(`${file}: ${target}`);
                }
            }
            requiredPackages(text).filter((name) => !declared.includes(name)).forEach((name) => undeclared.add(`${file}: ${name}`));
        }
        expect(unresolved).toEqual([]);
        expect([...undeclared]).toEqual([]);
    });

    it("exit 2, never the violation code 1, when the CLI cannot load its build", () => {
        const alone = fs.mkdtempSync(path.join(work, "bin-alone-"));
        fs.mkdirSync(path.join(alone, "bin"));
        fs.copyFileSync(path.join(unpacked, "bin", "prodready.js"), path.join(alone, "bin", "prodready.js"));
        const result = spawnSync(process.execPath, [path.join(alone, "bin", "prodready.js"), "preview"], { encoding: "utf8", timeout: 30_000 });
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^prodready: error: cannot load prodready \(Cannot find module '\.\.\/dist\/src\/cli'\)/)]);
    });

    it("leave the reference stack's providers out of what a user installs", () => {
        for (const name of ["@pulumi/aws", "@pulumi/kubernetes", "ts-node", "typescript"]) {
            expect(ROOT_PACKAGE.dependencies[name]).toBeUndefined();
        }
    });

    it("resolve the pack's dependencies from the root package when installed inside it", () => {
        // Installed, policies/ has no node_modules of its own: what it requires comes from the root's.
        for (const [name, range] of Object.entries(PACK_PACKAGE.dependencies)) {
            expect([name, ROOT_PACKAGE.dependencies[name]]).toEqual([name, range]);
        }
    });

    it("pack the policy pack alone with its analyzer entry and no sources", () => {
        expect(packOnly.files).toEqual(expect.arrayContaining(["PulumiPolicy.yaml", "package.json", "LICENSE", "bin/index.js", "bin/pack.js"]));
        expect(packOnly.files.filter((f) => !f.startsWith("bin/") && !["PulumiPolicy.yaml", "package.json", "LICENSE"].includes(f))).toEqual([]);
        expect(packOnly.files.filter(isSource)).toEqual([]);
    });

    it("build the pack with its own options, not the repository's", () => {
        const tsconfig = readJson(path.join(ROOT, "policies", "tsconfig.json"));
        expect(tsconfig.extends).toBeUndefined();
        // The same compiler options as the rest of prodready (tsconfig.base.json), stated in the pack.
        expect(tsconfig.compilerOptions).toEqual(expect.objectContaining(readJson(path.join(ROOT, "tsconfig.base.json")).compilerOptions));
        expect(PACK_PACKAGE.devDependencies.typescript).toBe(ROOT_PACKAGE.devDependencies.typescript);
    });
});

const withPython = fs.existsSync(PYTHON) || process.env.CI ? it : it.skip;

const POD = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "debug-shell", namespace: "tools" },
    spec: { containers: [{ name: "shell", image: "busybox:1.36", securityContext: { privileged: true } }] },
};

/** A team's project: its own package.json and SDK, and programs in each language prodready runs. */
function writeProject(dir: string): void {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({
        name: "team-infrastructure",
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": SDK_VERSION },
        devDependencies: { "@types/node": ROOT_PACKAGE.devDependencies["@types/node"], typescript: ROOT_PACKAGE.devDependencies.typescript },
    }, null, 2));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: team-infrastructure\nruntime: nodejs\n");
    // A raw resource of the provider's type: the pack judges types and inputs, and the project need
    // not download the Kubernetes SDK for it.
    fs.writeFileSync(path.join(dir, "index.ts"), [
        `import * as pulumi from "@pulumi/pulumi";`,
        ``,
        `new pulumi.CustomResource("kubernetes:core/v1:Pod", "debug-shell", ${JSON.stringify(POD)});`,
        ``,
    ].join("\n"));
    fs.writeFileSync(path.join(dir, "pod.yaml"), JSON.stringify(POD, null, 2));

    fs.mkdirSync(path.join(dir, "yaml-program"));
    fs.writeFileSync(path.join(dir, "yaml-program", "Pulumi.yaml"), [
        "name: team-yaml",
        "runtime: yaml",
        "resources:",
        "  debug-shell:",
        "    type: kubernetes:core/v1:Pod",
        `    properties: ${JSON.stringify({ metadata: POD.metadata, spec: POD.spec })}`,
        "",
    ].join("\n"));

    fs.mkdirSync(path.join(dir, "python-program"));
    fs.writeFileSync(path.join(dir, "python-program", "Pulumi.yaml"),
        `name: team-python\nruntime:\n  name: python\n  options:\n    virtualenv: ${JSON.stringify(path.dirname(path.dirname(PYTHON)))}\n`);
    fs.writeFileSync(path.join(dir, "python-program", "__main__.py"), [
        "import json",
        "import pulumi",
        "",
        `pulumi.CustomResource("kubernetes:core/v1:Pod", "debug-shell", json.loads(${JSON.stringify(JSON.stringify(POD))}))`,
        "",
    ].join("\n"));
}

withNpm("prodready installed in a team's project", () => {
    let project: string;
    let packAlone: string;
    const prodready = (...args: string[]) => run("npx", ["--no", "prodready", ...args], project, 120_000);

    beforeAll(async () => {
        project = path.join(work, "team-infrastructure");
        packAlone = path.join(work, "pack-alone");
        const tarball = (await packBoth())[0].tarball;
        writeProject(project);
        // The pack as `pulumi policy publish` takes it: policies/ alone, without the build or node_modules.
        fs.cpSync(path.join(ROOT, "policies"), packAlone, {
            recursive: true,
            filter: (src) => !["node_modules", "bin"].includes(path.relative(path.join(ROOT, "policies"), src).split(path.sep)[0]),
        });
        await Promise.all([
            succeed("npm", ["install", "--save-dev", tarball, "--prefer-offline"], project),
            succeed("npm", ["install", "--prefer-offline"], packAlone).then(() => succeed("npm", ["run", "build"], packAlone)),
        ]);
    }, 240_000);

    it("installs what the CLI needs and none of the reference stack's providers", () => {
        const installed = (name: string) => fs.existsSync(path.join(project, "node_modules", name, "package.json"))
            || fs.existsSync(path.join(project, "node_modules", "prodready", "node_modules", name, "package.json"));
        expect(installed("prodready")).toBe(true);
        expect(installed("@pulumi/policy")).toBe(true);
        expect(installed("@pulumi/aws")).toBe(false);
        expect(installed("@pulumi/kubernetes")).toBe(false);
        expect(installed("ts-node")).toBe(false);
        // The program runs with the project's own SDK.
        expect(readJson(path.join(project, "node_modules", "@pulumi", "pulumi", "package.json")).version).toBe(SDK_VERSION);
    });

    it("gives the pack's policies and the authoring helpers to require('prodready'), starting nothing", async () => {
        const result = await run(process.execPath, ["-e", "const p = require('prodready'); console.log(p.loadPolicies().length, typeof p.resourcePolicy)"], project, 60_000);
        expect(result.code).toBe(0);
        const [count, builder] = result.stdout.trim().split(" ");
        expect(Number(count)).toBeGreaterThan(200);
        expect(builder).toBe("function");
    });

    it("fails a TypeScript program with a privileged pod, writing JSON and SARIF from the same run", async () => {
        const result = await prodready("preview", "--format", "text", "--output", "json=reports/prodready.json", "--output", "sarif=reports/prodready.sarif");
        expect(result.stderr).not.toMatch(/Cannot find module|error:/);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`[mandatory]  ${PRIVILEGED}  (kubernetes:core/v1:Pod: debug-shell)`);
        expect(result.stdout).toMatch(/Gate: fails \(exit 1\)/);
        const json = readJson(path.join(project, "reports", "prodready.json"));
        expect(json.summary.passed).toBe(false);
        expect(json.findings).toEqual(expect.arrayContaining([expect.objectContaining({ policy: PRIVILEGED, outcome: "violation", name: "debug-shell" })]));
        const sarif = readJson(path.join(project, "reports", "prodready.sarif"));
        expect(sarif.version).toBe("2.1.0");
        expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain(PRIVILEGED);
    }, 120_000);

    it("fails a Pulumi YAML program with a privileged pod", async () => {
        const result = await prodready("preview", "yaml-program");
        expect(result.stderr).not.toMatch(/Cannot find module|error:/);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`[mandatory]  ${PRIVILEGED}  (kubernetes:core/v1:Pod: debug-shell)`);
    }, 120_000);

    withPython("fails a Python program with a privileged pod", async () => {
        const result = await prodready("preview", "python-program");
        expect(result.stderr).not.toMatch(/Cannot find module|error:/);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`[mandatory]  ${PRIVILEGED}  (kubernetes:core/v1:Pod: debug-shell)`);
    }, 120_000);

    it("fails a rendered manifest with a privileged pod", async () => {
        const result = await prodready("manifests", "pod.yaml");
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(`[mandatory]  ${PRIVILEGED}  (kubernetes:core/v1:Pod: tools/debug-shell)  pod.yaml:1`);
    }, 120_000);

    it("builds the pack copied alone, which then judges with its own dependencies", async () => {
        expect(fs.existsSync(path.join(packAlone, "bin", "index.js"))).toBe(true);
        expect(fs.existsSync(path.join(packAlone, "node_modules", "@pulumi", "policy", "package.json"))).toBe(true);
        const result = await prodready("manifests", "pod.yaml", "--policy-pack", packAlone, "--format", "json");
        expect(result.code).toBe(1);
        expect(JSON.parse(result.stdout).findings).toEqual(expect.arrayContaining([expect.objectContaining({ policy: PRIVILEGED, outcome: "violation" })]));
    }, 120_000);
});
