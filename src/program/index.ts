import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { packageRoot } from "../paths";
import { parse } from "yaml";
import { killChild } from "./child-processes";
import { startProgramProcess } from "./program-process";
import { invokeHandlers } from "./invokes";
import { startPreviewEngine } from "./preview-engine";
import { describeProgramError } from "./program-error";
import type { ProgramRun } from "./records";
import { RecordingMonitor } from "./recording-monitor";
import { loadYamlProject, withTemplateSites, YamlProgramError, YamlProject, yamlEnvironment, yamlRunner } from "./yaml-program";
import { PythonRuntimeOptions, readPythonRuntime, runPythonProgram } from "./python";

/** Seconds a program may run before the preview gives up on it. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

export class ProgramError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ProgramError";
    }
}

export interface ProgramOptions {
    stack?: string;
    /** `key=value` overrides; keys without a namespace belong to the project. */
    config?: Record<string, string>;
    timeoutSeconds?: number;
    /** Told the number of resources registered so far, after each registration. */
    onRegistered?: (count: number) => void;
}

export interface Project {
    dir: string;
    name: string;
    main: string;
    config: Record<string, string>;
    secretKeys: string[];
    stack: string;
    /** Pulumi.yaml `runtime.options` the Node.js language host honours. */
    runtimeOptions: { typescript: boolean; tsconfig?: string; nodeargs: string[] };
    /** Set for a `runtime: python` project: Pulumi.yaml `runtime.options` the Python language host honours. */
    python?: PythonRuntimeOptions;
    /** Set for a `runtime: yaml` project, which runs through prodready's Pulumi YAML interpreter. */
    yaml?: YamlProject;
}

function readYaml(file: string): any {
    try {
        return parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new ProgramError(`${file}: ${(err as Error).message.split("\n")[0]}`);
    }
}

function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** Reads the runtime options as the language host does: TypeScript on unless `typescript: false`. */
function runtimeOptions(options: any, projectFile: string): Project["runtimeOptions"] {
    const result: Project["runtimeOptions"] = { typescript: true, nodeargs: [] };
    if (options === undefined || options === null) {
        return result;
    }
    if (options.typescript !== undefined) {
        if (typeof options.typescript !== "boolean") {
            throw new ProgramError(`${projectFile}: runtime option typescript must be true or false`);
        }
        result.typescript = options.typescript;
    }
    if (options.tsconfig !== undefined) {
        if (typeof options.tsconfig !== "string") {
            throw new ProgramError(`${projectFile}: runtime option tsconfig must be a path`);
        }
        result.tsconfig = options.tsconfig;
    }
    if (options.nodeargs !== undefined) {
        if (typeof options.nodeargs !== "string") {
            throw new ProgramError(`${projectFile}: runtime option nodeargs must be a string`);
        }
        result.nodeargs = options.nodeargs.split(/\s+/).filter(Boolean);
    }
    return result;
}

/** Reads Pulumi.yaml and the stack's Pulumi.<stack>.yaml the way the CLI does, plus overrides. */
export function loadProject(dir: string, options: ProgramOptions = {}): Project {
    const root = path.resolve(dir);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
        throw new ProgramError(`program directory ${root} does not exist`);
    }
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
    if (!projectFile) {
        throw new ProgramError(`${root} has no Pulumi.yaml: point prodready at a Pulumi project directory`);
    }
    const project = readYaml(projectFile) ?? {};
    if (typeof project.name !== "string") {
        throw new ProgramError(`${projectFile}: the project has no name`);
    }
    const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime?.name;
    if (runtime !== "nodejs" && runtime !== "python" && runtime !== "yaml") {
        throw new ProgramError(`${projectFile}: runtime is ${JSON.stringify(runtime)}; the embedded preview runs nodejs, python and yaml programs only`);
    }
    const stack = options.stack ?? "dev";
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const set = (key: string, value: unknown, where: string) => {
        if (value !== null && typeof value === "object" && "secure" in (value as object)) {
            throw new ProgramError(`${where}: ${key} is an encrypted secret, which the embedded preview cannot decrypt; pass a stand-in with --config ${key}=...`);
        }
        config[qualify(key, project.name)] = typeof value === "string" ? value : JSON.stringify(value);
    };
    for (const [key, spec] of Object.entries<any>(project.config ?? {})) {
        const value = spec !== null && typeof spec === "object" ? (spec.value ?? spec.default) : spec;
        if (value !== undefined) {
            set(key, value, projectFile);
        }
    }
    const stackFile = path.join(root, `Pulumi.${stack}.yaml`);
    if (fs.existsSync(stackFile)) {
        for (const [key, value] of Object.entries<any>(readYaml(stackFile)?.config ?? {})) {
            set(key, value, stackFile);
        }
    }
    for (const [key, value] of Object.entries(options.config ?? {})) {
        config[qualify(key, project.name)] = value;
    }
    return {
        dir: root,
        name: project.name,
        main: typeof project.main === "string" ? project.main : "",
        config,
        secretKeys,
        stack,
        runtimeOptions: runtimeOptions(project.runtime?.options, projectFile),
        ...(runtime === "python" ? { python: readPythonRuntime(project.runtime?.options, projectFile) } : {}),
        ...(runtime === "yaml" ? yamlProject(root, project.main) : {}),
    };
}

/** A YAML program runs as prodready's interpreter; the template is checked before anything starts. */
function yamlProject(root: string, main: unknown): Pick<Project, "yaml" | "main" | "runtimeOptions"> {
    try {
        const yaml = loadYamlProject(root, typeof main === "string" ? main : undefined);
        return { yaml, main: yaml.entry, runtimeOptions: yaml.runtimeOptions };
    } catch (err) {
        throw err instanceof YamlProgramError ? new ProgramError(err.message) : err;
    }
}

/** Works around a Node 20 util.inspect loop on the SDK's source-mapped stacks (see the file). */
const INSPECT_ERRORS_PLAINLY = path.join(packageRoot(), "src", "program", "preload", "inspect-errors-plainly.js");
/** Formats the SDK's per-promise debug stacks only when a leak report reads them (see the file). */
const LAZY_PROMISE_STACKS = path.join(packageRoot(), "src", "program", "preload", "lazy-promise-stacks.js");
/** Loads npm's Arborist only when the SDK serializes a function (see the file). */
const LAZY_ARBORIST = path.join(packageRoot(), "src", "program", "preload", "lazy-arborist.js");

/** Resolves the program's own `@pulumi/pulumi/cmd/run`, as the Node.js language host does. */
function locateRunner(project: Project): string {
    if (project.yaml) {
        return yamlRunner();
    }
    try {
        return require.resolve("@pulumi/pulumi/cmd/run", { paths: [project.dir] });
    } catch {
        throw new ProgramError(`the program in ${project.dir} has no @pulumi/pulumi installed: run npm install there`);
    }
}

/** The variables the language host sets for the runner; config travels here, never on the command line. */
function runnerEnvironment(project: Project): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        PULUMI_CONFIG: JSON.stringify(project.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(project.secretKeys),
        // Type errors are the build's business, not the preview's; a user may still ask for checking.
        PULUMI_NODEJS_TRANSPILE_ONLY: process.env.PULUMI_NODEJS_TRANSPILE_ONLY ?? "true",
        ...(project.yaml ? yamlEnvironment(project.yaml) : {}),
    };
    delete env.PULUMI_NODEJS_TYPESCRIPT;
    delete env.PULUMI_NODEJS_TSCONFIG_PATH;
    if (project.runtimeOptions.typescript) {
        env.PULUMI_NODEJS_TYPESCRIPT = "true";
    }
    if (project.runtimeOptions.tsconfig) {
        env.PULUMI_NODEJS_TSCONFIG_PATH = project.runtimeOptions.tsconfig;
    }
    return env;
}

/**
 * Runs a Pulumi program the way `pulumi preview` does: the program's own SDK runner (`cmd/run`)
 * connects to a resource monitor and engine served here, which record every registration until
 * the program has really finished (its event loop drained, `beforeExit` handlers done). An uncaught
 * error, an unhandled rejection or a compile error fails the run with one line.
 */
export async function runProgram(project: Project, options: ProgramOptions = {}): Promise<ProgramRun> {
    if (project.python) {
        return runPythonProgram(project, project.python, options);
    }
    const runner = locateRunner(project);
    const monitor = new RecordingMonitor(invokeHandlers(project.config), project.name, project.stack, options.onRegistered);
    const engine = await startPreviewEngine(monitor);
    let child: ChildProcess | undefined;
    try {
        const args = [
            ...project.runtimeOptions.nodeargs,
            "-r", INSPECT_ERRORS_PLAINLY,
            "-r", LAZY_PROMISE_STACKS,
            "-r", LAZY_ARBORIST,
            runner,
            "--monitor", engine.address,
            "--engine", engine.address,
            "--project", project.name,
            "--stack", project.stack,
            "--pwd", project.dir,
            "--dry-run",
            project.main || ".",
        ];
        const running = startProgramProcess(process.execPath, args, {
            cwd: project.dir,
            env: runnerEnvironment(project),
            timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
            what: "the program",
        });
        child = running.child;
        const exit = await running.exit;
        if (engine.errors.length > 0) {
            throw new ProgramError(`the program failed: ${describeProgramError(engine.errors[0], project.dir)}`);
        }
        if (exit.code !== 0) {
            const last = running.stderr().pop();
            const how = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.code}`;
            throw new ProgramError(`the program ${how}${last ? `: ${last.trim()}` : ""}`);
        }
        return {
            project: project.name,
            stack: project.stack,
            resources: project.yaml ? withTemplateSites(monitor.records, project.yaml) : monitor.records,
            unansweredInvokes: [...monitor.unansweredInvokes].sort(),
        };
    } finally {
        if (child) {
            killChild(child);
        }
        engine.close();
    }
}
