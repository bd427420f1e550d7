import * as fs from "fs";
import * as path from "path";
import { packageRoot } from "../../paths";
import { launch } from "../launcher";
import type { ProgramOptions, Project } from "../project";
import type { ProgramRun } from "../records";
import { describePythonError } from "./errors";
import { asProgramError, PythonInterpreter, PythonRuntimeOptions, resolveInterpreter } from "./interpreter";

export type { PythonRuntimeOptions } from "./interpreter";

/** The runner that starts a program under the SDK's stack, as the Python language host's executor does. */
export const PYTHON_RUNNER = path.join(packageRoot(), "src", "program", "python", "run.py");

// The runner's exit code and stderr line when the interpreter cannot import `pulumi`.
const EXIT_NO_SDK = 3;
const NO_SDK_MARKER = "prodready-python: no pulumi package:";

/** The program directory and entry point as the engine passes them: `main` may name a directory or a file. */
function entryPoint(project: Project): { pwd: string; program: string } {
    if (!project.main) {
        return { pwd: project.dir, program: "." };
    }
    const main = path.resolve(project.dir, project.main);
    if (fs.existsSync(main) && fs.statSync(main).isDirectory()) {
        return { pwd: main, program: "." };
    }
    return { pwd: project.dir, program: project.main };
}

function noSdkMessage(interpreter: PythonInterpreter, detail: string): string {
    const fix = interpreter.virtualenv
        ? `run ${interpreter.installHint} in the program's virtualenv ${interpreter.virtualenv}`
        : `run ${interpreter.python} -m ${interpreter.installHint}, or set runtime.options.virtualenv in Pulumi.yaml to a virtualenv that has it`;
    return `the Python interpreter ${interpreter.python} cannot import the pulumi package (${detail}): ${fix}`;
}

/**
 * Runs a Pulumi Python program with the user's own interpreter and packages, connected to the same
 * in-process resource monitor and engine as a Node.js program: settings on the command line, config
 * and secret keys in PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS, as the language host passes them. The
 * SDK's stack waits for every registration, those made inside `apply` included, before it returns.
 */
export async function runPythonProgram(project: Project, python: PythonRuntimeOptions, options: ProgramOptions = {}): Promise<ProgramRun> {
    const interpreter = asProgramError(() => resolveInterpreter(project.dir, python));
    const { pwd, program } = entryPoint(project);
    return launch(project, options, {
        command: interpreter.python,
        args: (address) => [
            PYTHON_RUNNER,
            "--monitor", address,
            "--engine", address,
            "--project", project.name,
            "--stack", project.stack,
            "--organization", "organization",
            "--root_directory", project.dir,
            "--pwd", pwd,
            "--dry_run", "true",
            program,
        ],
        cwd: pwd,
        env: {
            ...interpreter.env,
            PULUMI_CONFIG: JSON.stringify(project.config),
            PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(project.secretKeys),
            // Output as it happens, and no byte-code files written into the user's project.
            PYTHONUNBUFFERED: "1",
            PYTHONDONTWRITEBYTECODE: "1",
        },
        what: `the Python interpreter ${interpreter.python}`,
        describeError: (logged) => describePythonError(logged, project.dir),
        setupProblem: (exit, stderr) => {
            const noSdk = stderr.find((l) => l.startsWith(NO_SDK_MARKER));
            return exit.code === EXIT_NO_SDK && noSdk ? noSdkMessage(interpreter, noSdk.slice(NO_SDK_MARKER.length).trim()) : undefined;
        },
    });
}
