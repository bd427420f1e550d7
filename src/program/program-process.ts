// Supervises the process that runs a program, whatever its language: its own process group (so
// ending the run ends anything it started), its tie to prodready's life (it ends when prodready
// does, even by SIGKILL: see child-processes.ts), the last lines of its stderr, and the time limit.
import { ChildOptions, killChild, startChild } from "./child-processes";
import { ProgramError } from "./program-error";

/** Keeps the last lines a child wrote, for an exit that logged no error. */
function tail(stream: NodeJS.ReadableStream, keep = 20): () => string[] {
    let lines: string[] = [];
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
        const parts = (partial + chunk).split("\n");
        partial = parts.pop() ?? "";
        lines = [...lines, ...parts.filter((l) => l.trim() !== "")].slice(-keep);
    });
    return () => (partial.trim() ? [...lines, partial] : lines);
}

export interface ProgramProcess {
    /** Settles when the process exits; rejects with ProgramError when it cannot start or overruns the limit (it is then ended). */
    exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    /** The last lines it wrote to stderr. */
    stderr(): string[];
    /** Ends the process and what it started; safe once it has exited. */
    end(): void;
}

export interface ProgramProcessOptions extends Omit<ChildOptions, "processGroup"> {
    timeoutSeconds: number;
    what: string;
}

/** Starts a program's process in its own process group and watches it. `what` names it in a start failure. */
export function startProgramProcess(command: string, args: readonly string[], options: ProgramProcessOptions): ProgramProcess {
    const { timeoutSeconds, what, ...childOptions } = options;
    const child = startChild(command, args, { ...childOptions, processGroup: true });
    const stderr = tail(child.stderr!);
    child.stdout!.resume();
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
        const timer = setTimeout(() => {
            killChild(child);
            reject(new ProgramError(`the program did not finish within the ${timeoutSeconds} s limit (--timeout)`));
        }, timeoutSeconds * 1000);
        child.on("exit", (code, signal) => { clearTimeout(timer); resolve({ code, signal }); });
        child.on("error", (err) => { clearTimeout(timer); reject(new ProgramError(`could not start ${what}: ${err.message}`)); });
    });
    return { exit, stderr, end: () => killChild(child) };
}
