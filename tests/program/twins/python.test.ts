// A Pulumi Python program runs under the embedded preview with its own interpreter and SDK, against
// the same in-process engine as a TypeScript program: each twin (the same resources written in both
// languages) is recorded alike and gets the same verdicts. Needs the virtualenv of
// scripts/setup-python.sh (.venv-python); without it these tests are skipped, except in CI.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeRun } from "../../../src/analyzer/session";
import { loadProject, ProgramError, ProgramOptions, runProgram } from "../../../src/program";
import type { ProgramRun, RecordedResource } from "../../../src/program/records";
import { describePythonError } from "../../../src/program/python/errors";
import { resolveInterpreter } from "../../../src/program/python/interpreter";
import { runCli } from "../../harness/cli";
import { sharedAnalyzer } from "../../harness/stack";
import { failure, runAt } from "../../harness/program";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const VENV = path.join(ROOT, ".venv-python");
const HAVE_VENV = fs.existsSync(path.join(VENV, "bin", "python"));

if (!HAVE_VENV && !process.env.CI) {
    console.log("Python preview tests skipped: run scripts/setup-python.sh to create .venv-python");
}
const describePython = HAVE_VENV || process.env.CI ? describe : describe.skip;

function twinDir(twin: string, language: "typescript" | "python"): string {
    return path.join(__dirname, twin, language);
}

function run(dir: string, options: ProgramOptions = {}): Promise<ProgramRun> {
    return runAt(dir, options, 120);
}

/**
 * What the engine would record of a resource, without where it is declared (a different file per
 * language). Dependencies are sets to the engine; the Python SDK gathers them in a set, so their
 * order varies from run to run.
 */
function recorded(resource: RecordedResource): Omit<RecordedResource, "source"> {
    const { source: _source, ...rest } = resource;
    const sorted = (urns: string[]) => [...urns].sort();
    return {
        ...rest,
        dependencies: sorted(rest.dependencies),
        propertyDependencies: Object.fromEntries(Object.entries(rest.propertyDependencies).map(([key, urns]) => [key, sorted(urns)])),
    };
}

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function scratchDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    scratch.push(dir);
    return dir;
}

/** A throw-away Python project using the repository's virtualenv. */
function pythonProgram(main: string, options: { virtualenv?: string | null } = {}): string {
    const dir = scratchDir("prodready-python-");
    const virtualenv = options.virtualenv === undefined ? VENV : options.virtualenv;
    const runtime = virtualenv === null ? "runtime: python" : `runtime:\n  name: python\n  options:\n    virtualenv: ${virtualenv}`;
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: scratch\n${runtime}\n`);
    fs.writeFileSync(path.join(dir, "requirements.txt"), "pulumi==3.248.0\n");
    fs.writeFileSync(path.join(dir, "__main__.py"), main);
    return dir;
}

describePython("Python programs", () => {
    it("has the virtualenv of scripts/setup-python.sh", () => {
        if (!HAVE_VENV) {
            throw new Error("no .venv-python: CI runs scripts/setup-python.sh before the tests");
        }
    });

    describe("a Python program and its TypeScript twin", () => {
        const analyzer = sharedAnalyzer();

        it.each([
            ["rds-short-backup", "aws-rds-require-backup-retention | orders-db | mandatory | violation"],
            ["sg-open-ssh", "aws-ec2-disallow-public-admin-ports | bastion | mandatory | violation"],
            ["s3-unencrypted", "aws-s3-require-encryption | reports | advisory | violation"],
            ["k8s-privileged-pod", "kubernetes-workload-disallow-privileged | debug-shell | mandatory | violation"],
            ["k8s-ingress-no-tls", "kubernetes-ingress-require-tls | storefront | mandatory | violation"],
        ])("%s: records the same resources and gets the same verdicts, %s among them", async (twin, expected) => {
            const verdicts = async (dir: string) => {
                const project = loadProject(dir);
                const result = await runProgram(project, { timeoutSeconds: 120 });
                const analysis = await analyzeRun(analyzer(), result, { config: project.config });
                const findings = analysis.findings.map((f) => `${f.policy} | ${f.name ?? "(stack)"} | ${f.level} | ${f.outcome}`).sort();
                return { result, findings };
            };
            const typescript = await verdicts(twinDir(twin, "typescript"));
            const python = await verdicts(twinDir(twin, "python"));

            // Registration order follows each SDK's scheduling; what is registered must not.
            const byUrn = (a: RecordedResource, b: RecordedResource) => a.urn.localeCompare(b.urn);
            expect([...python.result.resources].sort(byUrn).map(recorded)).toEqual([...typescript.result.resources].sort(byUrn).map(recorded));
            expect(python.findings).toEqual(typescript.findings);
            expect(python.findings).toContain(expected);
            if (twin === "s3-unencrypted") {
                expect(python.findings.filter((f) => f.startsWith("aws-s3-require-encryption | archive"))).toEqual([]);
            }
        });

        it("passes --config over Pulumi.<stack>.yaml to the Python program", async () => {
            const project = loadProject(twinDir("rds-short-backup", "python"), { config: { backupRetentionDays: "35" } });
            const result = await runProgram(project, { timeoutSeconds: 120 });
            const db = result.resources.find((r) => r.name === "orders-db");
            expect(db?.inputs.backupRetentionPeriod).toBe(35);
            const analysis = await analyzeRun(analyzer(), result, { config: project.config });
            expect(analysis.findings.map((f) => f.policy)).not.toContain("aws-rds-require-backup-retention");
        });
    });

    describe("what a Python program registers", () => {
        it("keeps a secret config value secret and gives a computed value as the stand-in pulumi up would know", async () => {
            const result = await run(twinDir("rds-short-backup", "python"));
            const db = result.resources.find((r) => r.name === "orders-db")!;
            expect(db.inputs.password).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "stand-in-password" });
            // The key's ARN is computed by AWS: the program is given one shaped like it.
            expect(db.inputs.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/);
            expect(db.options).toMatchObject({ protect: true, ignoreChanges: ["engineVersion"] });
            expect(db.dependencies).toContain("urn:pulumi:dev::rds-short-backup::aws:kms/key:Key::orders-db-key");
        });

        it("records resources registered inside apply, nested ones included, under their parent", async () => {
            const dir = pythonProgram([
                "import pulumi",
                "import pulumi_kubernetes as k8s",
                "ns = k8s.core.v1.Namespace('shop', metadata={'name': 'shop'})",
                "def inner(name):",
                "    return k8s.core.v1.ConfigMap('nested', metadata={'namespace': name}, data={'level': '2'})",
                "def outer(name):",
                "    k8s.core.v1.ConfigMap('in-apply', metadata={'namespace': name}, data={'level': '1'}, opts=pulumi.ResourceOptions(parent=ns))",
                "    return pulumi.Output.from_input(name).apply(inner)",
                "ns.metadata.name.apply(outer)",
                "",
            ].join("\n"));
            const result = await run(dir);
            const maps = result.resources.filter((r) => r.type === "kubernetes:core/v1:ConfigMap");
            expect(maps.map((r) => r.name).sort()).toEqual(["in-apply", "nested"]);
            expect(maps.find((r) => r.name === "in-apply")?.urn).toBe("urn:pulumi:dev::scratch::kubernetes:core/v1:Namespace$kubernetes:core/v1:ConfigMap::in-apply");
            expect(maps.find((r) => r.name === "nested")?.inputs).toMatchObject({ metadata: { namespace: "shop" }, data: { level: "2" } });
        });
    });

    describe("where and how long a Python program runs", () => {
        it("runs the directory Pulumi.yaml's main names, with its own modules importable", async () => {
            const dir = pythonProgram("raise Exception('the project root is not the program')\n");
            fs.appendFileSync(path.join(dir, "Pulumi.yaml"), "main: app/\n");
            fs.mkdirSync(path.join(dir, "app"));
            fs.writeFileSync(path.join(dir, "app", "naming.py"), "def bucket_name():\n    return 'invoices'\n");
            fs.writeFileSync(path.join(dir, "app", "__main__.py"), "import pulumi_aws as aws\nfrom naming import bucket_name\naws.s3.Bucket(bucket_name())\n");
            const result = await run(dir);
            expect(result.resources.map((r) => r.urn)).toContain("urn:pulumi:dev::scratch::aws:s3/bucket:Bucket::invoices");
        });

        it("ends a program that does not finish within the timeout", async () => {
            const dir = pythonProgram("import time\ntime.sleep(600)\n");
            const err = await failure(run(dir, { timeoutSeconds: 3 }));
            expect(err).toBeInstanceOf(ProgramError);
            expect(err.message).toBe("the program did not finish within the 3 s limit (--timeout)");
        });
    });

    describe("the interpreter of a uv or poetry project, chosen like the language host", () => {
        const MAIN = "import pulumi\npulumi.export('interpreter', __import__('sys').prefix)\n";
        const project = (toolchain: string | null, files: Record<string, string>) => {
            const dir = scratchDir("prodready-toolchain-");
            const runtime = toolchain ? `runtime:\n  name: python\n  options:\n    toolchain: ${toolchain}` : "runtime: python";
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: scratch\n${runtime}\n`);
            fs.writeFileSync(path.join(dir, "__main__.py"), MAIN);
            for (const [name, text] of Object.entries(files)) {
                fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
                fs.writeFileSync(path.join(dir, name), text);
            }
            return dir;
        };
        const PYPROJECT = "[project]\nname = \"scratch\"\nversion = \"0.1.0\"\nrequires-python = \">=3.9\"\ndependencies = []\n\n[tool.poetry]\npackage-mode = false\n";
        const POETRY = path.join(VENV, "bin", "poetry");
        const withPoetry = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, PATH: [path.join(VENV, "bin"), env.PATH].join(path.delimiter) });

        it("uses uv's .venv beside uv.lock, found from uv.lock or named by toolchain: uv", async () => {
            for (const [toolchain, lock] of [[null, "uv.lock"], ["uv", null]] as const) {
                const dir = project(toolchain, { "pyproject.toml": PYPROJECT, ...(lock ? { [lock]: "version = 1\n" } : {}) });
                fs.symlinkSync(VENV, path.join(dir, ".venv"));
                const interpreter = resolveInterpreter(dir, loadProject(dir).python!);
                expect(interpreter).toMatchObject({ python: path.join(dir, ".venv", "bin", "python"), virtualenv: path.join(dir, ".venv"), installHint: "uv sync" });
                expect((await run(dir)).resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
            }
        });

        it("says to run uv sync when uv's environment does not exist", () => {
            const dir = project("uv", { "pyproject.toml": PYPROJECT });
            expect(() => loadProject(dir)).not.toThrow();
            expect(() => resolveInterpreter(dir, loadProject(dir).python!)).toThrow(`the program's virtualenv ${path.join(dir, ".venv")} (Pulumi.yaml runtime option virtualenv) does not exist: run uv sync in ${dir}`);
        });

        const describePoetry = fs.existsSync(POETRY) || process.env.CI ? describe : describe.skip;
        describePoetry("with the real poetry (installed by scripts/setup-python.sh)", () => {
            it("asks poetry for its environment, found from poetry.lock or named by toolchain: poetry", async () => {
                for (const [toolchain, lock] of [[null, "poetry.lock"], ["poetry", null]] as const) {
                    const dir = project(toolchain, { "pyproject.toml": PYPROJECT, ...(lock ? { [lock]: "" } : {}) });
                    // An activated environment is the one poetry reports (`poetry env info --path`).
                    const env = withPoetry({ ...process.env, VIRTUAL_ENV: VENV });
                    const interpreter = resolveInterpreter(dir, loadProject(dir).python!, env);
                    expect(interpreter).toMatchObject({ python: path.join(VENV, "bin", "python"), virtualenv: VENV, installHint: "poetry install" });
                }
            });

            it("says to run poetry install when poetry has no environment for the project", () => {
                const dir = project("poetry", { "pyproject.toml": PYPROJECT });
                const env = withPoetry({ ...process.env, POETRY_VIRTUALENVS_PATH: scratchDir("prodready-poetry-envs-"), POETRY_VIRTUALENVS_CREATE: "false" });
                delete env.VIRTUAL_ENV;
                expect(() => resolveInterpreter(dir, loadProject(dir).python!, env)).toThrow(`the program in ${dir} has no poetry virtualenv: run poetry install there`);
            });
        });

        it("says to install poetry when it is not on the PATH", () => {
            const dir = project("poetry", { "pyproject.toml": PYPROJECT });
            expect(() => resolveInterpreter(dir, loadProject(dir).python!, { PATH: scratchDir("prodready-no-poetry-") }))
                .toThrow(`the program in ${dir} uses poetry, which is not on the PATH: install poetry (pipx install poetry), then run poetry install there`);
        });
    });

    describe("a Python program that fails", () => {
        it("fails on one line naming the file, line and exception of an uncaught error", async () => {
            const dir = pythonProgram("import pulumi\n\nregion = 'eu-west-3'\nraise ValueError(f'no quota in {region}')\n");
            const err = await failure(run(dir));
            expect(err).toBeInstanceOf(ProgramError);
            expect(err.message).toBe(`the program failed: ${path.join(fs.realpathSync(dir), "__main__.py")}:4: ValueError: no quota in eu-west-3`);
        });

        it("fails when an apply callback raises, without waiting for the timeout", async () => {
            const dir = pythonProgram([
                "import pulumi",
                "def lookup(name):",
                "    raise RuntimeError(f'the namespace lookup for {name} failed inside apply')",
                "pulumi.Output.from_input('shop').apply(lookup)",
                "",
            ].join("\n"));
            const started = Date.now();
            const err = await failure(run(dir, { timeoutSeconds: 60 }));
            expect(err.message).toBe(`the program failed: ${path.join(fs.realpathSync(dir), "__main__.py")}:3: RuntimeError: the namespace lookup for shop failed inside apply`);
            expect(Date.now() - started).toBeLessThan(30_000);
        });

        it("exits 2 with one line through the command line", () => {
            const dir = pythonProgram("raise Exception('the certificate check failed')\n");
            const out = runCli(["preview", dir]);
            expect(out.code).toBe(2);
            expect(out.stdout).toBe("");
            expect(out.stderr.trim().split("\n")).toEqual([`prodready: error: the program failed: ${path.join(fs.realpathSync(dir), "__main__.py")}:1: the certificate check failed`]);
        });
    });

    describe("a Python setup that cannot run the program", () => {
        it("names the package to install when the interpreter has no pulumi package", async () => {
            const venv = scratchDir("prodready-empty-venv-");
            expect(spawnSync(path.join(VENV, "bin", "python"), ["-m", "venv", "--without-pip", venv]).status).toBe(0);
            const err = await failure(run(pythonProgram("import pulumi\n", { virtualenv: venv })));
            expect(err).toBeInstanceOf(ProgramError);
            expect(err.message).toBe(`the Python interpreter ${venv}/bin/python cannot import the pulumi package (No module named 'pulumi'): run pip install -r requirements.txt in the program's virtualenv ${venv}`);
        });

        it("says how to create a virtualenv that does not exist", async () => {
            const dir = pythonProgram("import pulumi\n", { virtualenv: "venv" });
            const err = await failure(run(dir));
            expect(err).toBeInstanceOf(ProgramError);
            expect(err.message).toBe(`the program's virtualenv ${dir}/venv (Pulumi.yaml runtime option virtualenv) does not exist: create it with python3 -m venv ${dir}/venv, then run ${dir}/venv/bin/pip install -r requirements.txt in ${dir}`);
        });

        it("says to install Python when there is no interpreter on the PATH", async () => {
            const dir = pythonProgram("import pulumi\n", { virtualenv: null });
            const saved = { PATH: process.env.PATH, PULUMI_PYTHON_CMD: process.env.PULUMI_PYTHON_CMD };
            process.env.PATH = scratchDir("prodready-no-python-");
            delete process.env.PULUMI_PYTHON_CMD;
            try {
                const err = await failure(run(dir));
                expect(err).toBeInstanceOf(ProgramError);
                expect(err.message).toBe(`no Python interpreter found (python3 or python on the PATH) to run the program in ${dir}: install Python 3, or set runtime.options.virtualenv in its Pulumi.yaml`);
            } finally {
                process.env.PATH = saved.PATH;
                if (saved.PULUMI_PYTHON_CMD !== undefined) {
                    process.env.PULUMI_PYTHON_CMD = saved.PULUMI_PYTHON_CMD;
                }
            }
        });

        it("rejects an unknown toolchain in Pulumi.yaml", () => {
            const dir = pythonProgram("import pulumi\n", { virtualenv: null });
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: scratch\nruntime:\n  name: python\n  options:\n    toolchain: conda\n");
            expect(() => loadProject(dir)).toThrow(new ProgramError(`${path.join(dir, "Pulumi.yaml")}: runtime option toolchain must be one of pip, poetry, uv`));
        });
    });
});

describe("requirements-python.txt", () => {
    it("pins the PyPI packages to the versions of the npm packages in package.json", () => {
        const pins = Object.fromEntries(fs.readFileSync(path.join(ROOT, "requirements-python.txt"), "utf8")
            .split("\n").map((l) => /^([\w-]+)==(\S+)$/.exec(l.trim())).filter((m): m is RegExpExecArray => m !== null).map((m) => [m[1], m[2]]));
        const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
        expect(pins).toEqual({
            "pulumi": installed("@pulumi/pulumi"),
            "pulumi-aws": installed("@pulumi/aws"),
            "pulumi-kubernetes": installed("@pulumi/kubernetes"),
            "poetry": expect.stringMatching(/^\d+\.\d+\.\d+$/),
        });
    });
});

describe("describePythonError", () => {
    const traceback = (body: string) => `Program failed with an unhandled exception:\nTraceback (most recent call last):\n${body}`;

    it("names the last frame of the user's code and the final exception of a chain, on one line", () => {
        const logged = [
            "Program failed with an unhandled exception:",
            "Traceback (most recent call last):",
            '  File "/srv/app/__main__.py", line 7, in <module>',
            "    quota = lookup()",
            "KeyError: 'eu-west-3'",
            "",
            "During handling of the above exception, another exception occurred:",
            "",
            "Traceback (most recent call last):",
            '  File "/srv/app/__main__.py", line 9, in <module>',
            "    raise RuntimeError('no quota\\nfor eu-west-3')",
            '  File "/srv/venv/lib/python3.11/site-packages/pulumi/output.py", line 120, in apply',
            "    return fn()",
            "RuntimeError: no quota",
            "for eu-west-3",
        ].join("\n");
        expect(describePythonError(logged, "/srv/app")).toBe("/srv/app/__main__.py:9: RuntimeError: no quota");
    });

    it("drops the class of a plain Exception and keeps a message without frames of the user", () => {
        const logged = traceback('  File "/usr/lib/python3.11/runpy.py", line 291, in run_path\n    code = ...\nException: the certificate check failed');
        expect(describePythonError(logged, "/srv/app")).toBe("the certificate check failed");
    });

    it("keeps the first line of an error the SDK logged itself", () => {
        expect(describePythonError("Missing required configuration variable 'scratch:token'\n    please set a value", "/srv/app"))
            .toBe("Missing required configuration variable 'scratch:token'");
    });
});
