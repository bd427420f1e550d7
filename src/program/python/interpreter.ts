import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ProgramError } from "../program-error";

/** Pulumi.yaml `runtime.options` of a Python project that decide which interpreter runs it. */
export interface PythonRuntimeOptions {
    /** The virtualenv, relative to the project root unless absolute. */
    virtualenv?: string;
    toolchain: "auto" | "pip" | "poetry" | "uv";
}

/** The interpreter a Python program runs with, and how to tell the user to fix it. */
export interface PythonInterpreter {
    python: string;
    env: NodeJS.ProcessEnv;
    /** The virtualenv it belongs to, when there is one. */
    virtualenv?: string;
    /** What installs the program's packages into this interpreter. */
    installHint: string;
}

/** A problem with the project's Python setup, reported as one line. */
export class PythonSetupError extends Error {}

const TOOLCHAINS = ["auto", "pip", "poetry", "uv"] as const;

/** Reads the options the Python language host honours; the others (typechecker) do not change what runs. */
export function pythonRuntimeOptions(options: any, projectFile: string): PythonRuntimeOptions {
    const result: PythonRuntimeOptions = { toolchain: "auto" };
    if (options === undefined || options === null) {
        return result;
    }
    if (options.virtualenv !== undefined) {
        if (typeof options.virtualenv !== "string" || options.virtualenv === "") {
            throw new PythonSetupError(`${projectFile}: runtime option virtualenv must be a directory path`);
        }
        result.virtualenv = options.virtualenv;
    }
    if (options.toolchain !== undefined) {
        if (!TOOLCHAINS.includes(options.toolchain)) {
            throw new PythonSetupError(`${projectFile}: runtime option toolchain must be one of ${TOOLCHAINS.filter((t) => t !== "auto").join(", ")}`);
        }
        result.toolchain = options.toolchain;
    }
    return result;
}

function findUp(dir: string, file: string): string | undefined {
    for (let current = dir; ; current = path.dirname(current)) {
        if (fs.existsSync(path.join(current, file))) {
            return current;
        }
        if (path.dirname(current) === current) {
            return undefined;
        }
    }
}

/** Finds a command on the PATH of the given environment. */
function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
    for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
        const candidate = path.join(dir, command);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            if (fs.statSync(candidate).isFile()) {
                return candidate;
            }
        } catch {
            // not here
        }
    }
    return undefined;
}

/** The environment of a program run in a virtualenv, as `activate` (and the language host) makes it. */
function activated(virtualenv: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const result: NodeJS.ProcessEnv = { ...env, VIRTUAL_ENV: virtualenv, PATH: [path.join(virtualenv, "bin"), env.PATH].filter(Boolean).join(path.delimiter) };
    delete result.PYTHONHOME;
    return result;
}

function requirementsHint(root: string): string {
    return fs.existsSync(path.join(root, "requirements.txt")) ? "pip install -r requirements.txt" : "pip install pulumi and the program's provider packages";
}

function inVirtualenv(virtualenv: string, env: NodeJS.ProcessEnv, installHint: string, missing: string): PythonInterpreter {
    const python = path.join(virtualenv, "bin", "python");
    if (!fs.existsSync(python)) {
        throw new PythonSetupError(missing);
    }
    return { python, env: activated(virtualenv, env), virtualenv, installHint };
}

function poetryVirtualenv(root: string, env: NodeJS.ProcessEnv): string {
    const poetry = onPath("poetry", env);
    if (!poetry) {
        throw new PythonSetupError(`the program in ${root} uses poetry, which is not on the PATH: install poetry (pipx install poetry), then run poetry install there`);
    }
    const result = spawnSync(poetry, ["env", "info", "--path"], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    const venv = result.status === 0 ? result.stdout.trim() : "";
    if (!venv) {
        throw new PythonSetupError(`the program in ${root} has no poetry virtualenv: run poetry install there`);
    }
    return venv;
}

/**
 * Chooses the interpreter the way the Python language host does: the `virtualenv` option (for pip
 * and uv), poetry's or uv's own environment (named by `toolchain`, or found from poetry.lock / uv.lock),
 * else `PULUMI_PYTHON_CMD`, `python3` or `python` on the PATH, an activated environment included.
 */
export function resolveInterpreter(root: string, options: PythonRuntimeOptions, env: NodeJS.ProcessEnv = process.env): PythonInterpreter {
    let toolchain = options.toolchain;
    if (toolchain === "auto") {
        toolchain = findUp(root, "uv.lock") ? "uv" : findUp(root, "poetry.lock") ? "poetry" : "pip";
    }
    if (toolchain === "poetry") {
        const venv = poetryVirtualenv(root, env);
        return inVirtualenv(venv, env, "poetry install", `the poetry virtualenv ${venv} has no bin/python: run poetry install in ${root}`);
    }
    if (options.virtualenv !== undefined || toolchain === "uv") {
        let venv: string;
        if (options.virtualenv !== undefined) {
            venv = path.resolve(root, options.virtualenv);
        } else {
            // uv keeps the environment next to uv.lock or pyproject.toml, else in the project root.
            venv = path.join(findUp(root, "uv.lock") ?? findUp(root, "pyproject.toml") ?? root, ".venv");
        }
        const hint = toolchain === "uv" ? "uv sync" : requirementsHint(root);
        const create = toolchain === "uv"
            ? `run uv sync in ${root}`
            : `create it with python3 -m venv ${venv}, then run ${venv}/bin/${requirementsHint(root)} in ${root}`;
        return inVirtualenv(venv, env, hint, `the program's virtualenv ${venv} (Pulumi.yaml runtime option virtualenv) does not exist: ${create}`);
    }
    const candidates = env.PULUMI_PYTHON_CMD ? [env.PULUMI_PYTHON_CMD] : ["python3", "python"];
    for (const command of candidates) {
        const python = path.isAbsolute(command) ? (fs.existsSync(command) ? command : undefined) : onPath(command, env);
        if (python) {
            return { python, env: { ...env }, virtualenv: env.VIRTUAL_ENV || undefined, installHint: requirementsHint(root) };
        }
    }
    throw new PythonSetupError(`no Python interpreter found (${candidates.join(" or ")} on the PATH) to run the program in ${root}: install Python 3, or set runtime.options.virtualenv in its Pulumi.yaml`);
}

/** A setup problem as the preview reports it: one line, exit 2. */
export function asProgramError<T>(read: () => T): T {
    try {
        return read();
    } catch (err) {
        throw err instanceof PythonSetupError ? new ProgramError(err.message) : err;
    }
}

/** Reads Pulumi.yaml `runtime.options` of a Python project (virtualenv, toolchain). */
export function readPythonRuntime(options: unknown, projectFile: string): PythonRuntimeOptions {
    return asProgramError(() => pythonRuntimeOptions(options, projectFile));
}
