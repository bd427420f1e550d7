import type { ChildProcess } from "child_process";

// Every process the preview starts (the program, the policy pack) is tracked here, so an
// interrupted run can end them all before it exits instead of leaving them running.
// The value says whether the child leads its own process group (spawned with `detached: true`),
// in which case the whole group is ended, grandchildren included.
const live = new Map<ChildProcess, boolean>();

/** Tracks a child process until it exits. */
export function trackChild(child: ChildProcess, options: { processGroup?: boolean } = {}): ChildProcess {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        live.set(child, options.processGroup ?? false);
        child.once("exit", () => live.delete(child));
    }
    return child;
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
