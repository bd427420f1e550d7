// Warm program processes for suites that preview one Node.js program many times (the scenarios):
// each process runs a run's `cmd/run` arguments and environment inline (warm-program-worker.js),
// so the SDKs and the TypeScript compiler load once per process rather than once per run. The
// engine suites still prove every scenario through `pulumi preview`, a new process per run.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import type { Launch } from "../../src/program/launcher";
import { ProgramError } from "../../src/program/program-error";
import type { ProgramProcess, ProgramProcessOptions } from "../../src/program/program-process";

const WORKER = path.join(__dirname, "warm-program-worker.js");

interface Warm {
    process: ChildProcess;
    /** The `node` arguments before the runner it was started with: a run must share them. */
    preloads: string;
    busy: boolean;
    /** The stderr lines of the current run. */
    stderr: string[];
}

export class WarmPrograms {
    private readonly processes = new Set<Warm>();

    /** `launch` with this in place of a new process per run. */
    launch(how: Launch): Launch {
        return { ...how, start: (command, args, options) => this.start(command, args, options) };
    }

    /** Ends every warm process. */
    stop(): void {
        for (const warm of this.processes) {
            warm.process.kill("SIGKILL");
        }
        this.processes.clear();
    }

    private start(command: string, args: readonly string[], options: ProgramProcessOptions): ProgramProcess {
        const runner = require.resolve("@pulumi/pulumi/cmd/run", { paths: [String(options.cwd)] });
        const at = args.indexOf(runner);
        if (command !== process.execPath || at < 0) {
            throw new Error(`a warm program process runs only ${runner}, not ${command} ${args.join(" ")}`);
        }
        const preloads = JSON.stringify(args.slice(0, at));
        const warm = [...this.processes].find((w) => !w.busy && w.preloads === preloads) ?? this.spawn(command, args.slice(0, at), options);
        warm.busy = true;
        warm.stderr = [];
        const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.forget(warm);
                reject(new ProgramError(`the program did not finish within the ${options.timeoutSeconds} s limit (--timeout)`));
            }, options.timeoutSeconds * 1000);
            const onExit = (code: number | null, signal: NodeJS.Signals | null) => { clearTimeout(timer); this.forget(warm); resolve({ code, signal }); };
            warm.process.once("exit", onExit);
            warm.process.once("message", (answer: { code: number; error?: string }) => {
                clearTimeout(timer);
                warm.process.off("exit", onExit);
                if (answer.error) {
                    warm.stderr.push(answer.error);
                }
                resolve({ code: answer.code, signal: null });
            });
            warm.process.send({ args: args.slice(at + 1), env: options.env ?? process.env });
        });
        return {
            exit,
            stderr: () => [...warm.stderr],
            end: () => { warm.busy = false; },
        };
    }

    private spawn(command: string, preloads: string[], options: ProgramProcessOptions): Warm {
        const child = spawn(command, [...preloads, WORKER], { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
        const warm: Warm = { process: child, preloads: JSON.stringify(preloads), busy: false, stderr: [] };
        child.stdout!.resume();
        child.stderr!.setEncoding("utf8");
        child.stderr!.on("data", (chunk: string) => { warm.stderr = [...warm.stderr, ...chunk.split("\n").filter((l) => l.trim() !== "")].slice(-20); });
        child.unref();
        this.processes.add(warm);
        return warm;
    }

    private forget(warm: Warm): void {
        warm.process.kill("SIGKILL");
        this.processes.delete(warm);
    }
}
