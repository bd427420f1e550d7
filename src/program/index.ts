import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import type { ProgramJob, ProgramRun } from "./records";

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
}

export interface Project {
    dir: string;
    name: string;
    main: string;
    config: Record<string, string>;
    secretKeys: string[];
    stack: string;
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
    if (runtime !== "nodejs") {
        throw new ProgramError(`${projectFile}: runtime is ${JSON.stringify(runtime)}; the embedded preview runs nodejs programs only`);
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
    return { dir: root, name: project.name, main: typeof project.main === "string" ? project.main : "", config, secretKeys, stack };
}

function runnerCommand(): string[] {
    // From the compiled package the runner is JavaScript; from sources (tests) it is transpiled on the fly.
    const js = path.join(__dirname, "run-program.js");
    if (fs.existsSync(js)) {
        return [js];
    }
    return ["-r", "ts-node/register/transpile-only", path.join(__dirname, "run-program.ts")];
}

/** Runs a Pulumi program under the recording monitor in a child process and returns what it registered. */
export async function runProgram(project: Project, options: ProgramOptions = {}): Promise<ProgramRun> {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-"));
    const job: ProgramJob = {
        programDir: project.dir,
        main: project.main,
        project: project.name,
        stack: project.stack,
        config: project.config,
        secretKeys: project.secretKeys,
        dryRun: true,
        outputFile: path.join(workDir, "run.json"),
    };
    try {
        const child = spawn(process.execPath, [...runnerCommand(), JSON.stringify(job)], {
            cwd: project.dir,
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
        });
        let output = "";
        child.stdout!.on("data", (chunk) => { output += chunk; });
        child.stderr!.on("data", (chunk) => { output += chunk; });
        const timeout = (options.timeoutSeconds ?? 300) * 1000;
        const code = await new Promise<number | null>((resolve, reject) => {
            const timer = setTimeout(() => {
                child.kill("SIGKILL");
                reject(new ProgramError(`the program did not finish within ${timeout / 1000} s`));
            }, timeout);
            child.on("exit", (exitCode) => { clearTimeout(timer); resolve(exitCode); });
            child.on("error", (err) => { clearTimeout(timer); reject(new ProgramError(err.message)); });
        });
        if (!fs.existsSync(job.outputFile)) {
            const lastLine = output.trim().split("\n").filter((l) => l.trim()).pop();
            throw new ProgramError(`the program exited (code ${code}) before finishing${lastLine ? `: ${lastLine}` : ""}`);
        }
        const run: ProgramRun = JSON.parse(fs.readFileSync(job.outputFile, "utf8"));
        if (run.error) {
            throw new ProgramError(`the program failed: ${run.error}`);
        }
        return run;
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}
