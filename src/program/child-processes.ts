import { ChildProcess, spawn, SpawnOptions } from "child_process";
import type { Socket } from "net";
import * as path from "path";
import { packageRoot } from "../paths";

// Every process the preview starts (the program, the policy pack) is tracked here, so an
// interrupted run can end them all before it exits instead of leaving them running.
// The value says whether the child leads its own process group (spawned with `detached: true`),
// in which case the whole group is ended, grandchildren included.
const live = new Map<ChildProcess, boolean>();

/**
 * The descriptor on which a child started by startChild holds its lifeline: one end of a pipe whose
 * other end only prodready holds. The kernel closes prodready's end when prodready exits for any
 * reason, SIGKILL included, which no signal handler here can see; the child reads the end of the
 * stream and ends itself and its process group. Its number travels in PRODREADY_LIFELINE_FD.
 */
export const LIFELINE_FD = 3;
const LIFELINE_ENV = "PRODREADY_LIFELINE_FD";
/** The watcher a Node.js child loads first (see the file); the Python runner (python/run.py) has its own. */
const NODE_LIFELINE = path.join(packageRoot(), "src", "program", "preload", "lifeline.js");

/** Tracks a child process until it exits. */
export function trackChild(child: ChildProcess, options: { processGroup?: boolean } = {}): ChildProcess {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        live.set(child, options.processGroup ?? false);
        child.once("exit", () => {
            live.delete(child);
            // A grandchild may still hold the child's end; nothing is left to watch.
            child.stdio[LIFELINE_FD]?.destroy();
        });
    }
    return child;
}

export interface ChildOptions extends Pick<SpawnOptions, "cwd" | "env"> {
    /** Start the child as the leader of its own process group, so that ending it ends what it started. */
    processGroup?: boolean;
}

/**
 * Starts a child whose life is tied to prodready's (see LIFELINE_FD) and tracks it; stdout and
 * stderr are pipes, stdin is closed. A Node.js child, run with prodready's own binary, loads the
 * watcher before anything else; any other child must watch the descriptor itself.
 */
export function startChild(command: string, args: readonly string[], options: ChildOptions = {}): ChildProcess {
    const child = spawn(command, command === process.execPath ? ["-r", NODE_LIFELINE, ...args] : args, {
        cwd: options.cwd,
        env: { ...(options.env ?? process.env), [LIFELINE_ENV]: String(LIFELINE_FD) },
        stdio: ["ignore", "pipe", "pipe", "pipe"],
        detached: options.processGroup ?? false,
    });
    // prodready never reads or writes it, and must neither stay alive nor fail for it.
    const lifeline = child.stdio[LIFELINE_FD] as Socket | null | undefined;
    lifeline?.unref();
    lifeline?.on("error", () => undefined);
    return trackChild(child, { processGroup: options.processGroup });
}

/** Ends a tracked or untracked child at once; safe to call on a child that already exited. */
export function killChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): void {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    try {
        if (live.get(child)) {
            process.kill(-child.pid, signal);
        } else {
            child.kill(signal);
        }
    } catch {
        // Already gone.
    }
}

/** Ends every tracked child synchronously: for signal handlers, which cannot wait. */
export function killAllChildren(): void {
    for (const child of [...live.keys()]) {
        killChild(child);
    }
    live.clear();
}
