import * as path from "path";
import { packageRoot } from "../paths";
import { Launch, launch } from "./launcher";
import { describeProgramError, ProgramError } from "./program-error";
import type { ProgramOptions, Project } from "./project";
import type { ProgramRun } from "./records";
import { withTemplateSites, yamlEnvironment, yamlRunner } from "./yaml-program";
import { runPythonProgram } from "./python";

export { DEFAULT_TIMEOUT_SECONDS } from "./launcher";
export { ProgramError } from "./program-error";
export { loadProject } from "./project";
export type { ProgramOptions, Project } from "./project";

/** Works around a Node 20 util.inspect loop on the SDK's source-mapped stacks (see the file). */
const INSPECT_ERRORS_PLAINLY = path.join(packageRoot(), "src", "program", "preload", "inspect-errors-plainly.js");
/** Captures the SDK's per-promise debug stacks only when a leak report would print them, formatted when read (see the file). */
const LAZY_PROMISE_STACKS = path.join(packageRoot(), "src", "program", "preload", "lazy-promise-stacks.js");
/** Loads npm's Arborist and the TypeScript compiler only when the SDK serializes a function (see the file). */
const LAZY_CLOSURE_MODULES = path.join(packageRoot(), "src", "program", "preload", "lazy-closure-modules.js");

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
    return launch(project, options, nodeLaunch(project));
}

/** How a Node.js program (TypeScript, JavaScript, or the YAML interpreter) is started for a run. */
export function nodeLaunch(project: Project): Launch {
    const runner = locateRunner(project);
    return {
        command: process.execPath,
        args: (address) => [
            ...project.runtimeOptions.nodeargs,
            "-r", INSPECT_ERRORS_PLAINLY,
            "-r", LAZY_PROMISE_STACKS,
            "-r", LAZY_CLOSURE_MODULES,
            runner,
            "--monitor", address,
            "--engine", address,
            "--project", project.name,
            "--stack", project.stack,
            "--pwd", project.dir,
            "--dry-run",
            project.main || ".",
        ],
        cwd: project.dir,
        env: runnerEnvironment(project),
        what: "the program",
        describeError: (logged) => describeProgramError(logged, project.dir),
        judged: project.yaml ? (records) => withTemplateSites(records, project.yaml!) : undefined,
    };
}
