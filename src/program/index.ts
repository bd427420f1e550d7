import type { ChildProcess } from "child_process";
import * as path from "path";
import { packageRoot } from "../paths";
import { killChild } from "./child-processes";
import { startProgramProcess } from "./program-process";
import { invokeHandlers } from "./invokes";
import { startPreviewEngine } from "./preview-engine";
import { describeProgramError } from "./program-error";
import type { ProgramRun } from "./records";
import { MonitorSettings, RecordingMonitor } from "./recording-monitor";
import { withTemplateSites, YamlProject, yamlEnvironment, yamlRunner } from "./yaml-program";
import { PythonRuntimeOptions, runPythonProgram } from "./python";

export { loadProject } from "./project";

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
    /** Component types (globs) accepted unexpanded and unjudged when their provider plugin is missing. */
    allowUnexpanded?: string[];
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

/** What the monitor of a run needs to construct components and answer functions as the engine would. */
export function monitorSettings(project: Project, options: ProgramOptions): MonitorSettings {
    return { config: project.config, secretKeys: project.secretKeys, cwd: project.dir, allowUnexpanded: options.allowUnexpanded };
}

/**
 * Fails a run that did not see everything the program declares (a component nobody constructed, a
 * function nobody answered). Checked before the program's own error, which is then only its echo.
 */
export function assertSeenEverything(monitor: RecordingMonitor): void {
    if (monitor.problems.length > 0) {
        throw new ProgramError(monitor.problems[0]);
    }
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
    const monitor = new RecordingMonitor(invokeHandlers(), project.name, project.stack, options.onRegistered, monitorSettings(project, options));
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
        assertSeenEverything(monitor);
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
            unexpanded: monitor.unexpanded,
            standInFunctions: [...monitor.standInFunctions].sort(),
            standInResources: [...monitor.standIns],
        };
    } finally {
        if (child) {
            killChild(child);
        }
        engine.close();
    }
}
