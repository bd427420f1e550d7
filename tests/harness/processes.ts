// Watching the processes a command line starts: which are its children, whether one still runs,
// and waiting until something holds.
import { spawnSync } from "child_process";
import * as fs from "fs";

/** True while the process runs; a zombie (ended, not yet reaped by its new parent) has ended. */
export function running(pid: number): boolean {
    let stat: string;
    try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
        return false;
    }
    return !/^Z/.test(stat.slice(stat.lastIndexOf(")") + 2));
}

/** The processes whose parent is `pid`. */
export function childPids(pid: number): number[] {
    const out = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).stdout;
    return out.split("\n").map((l) => Number(l.trim())).filter((n) => n > 0);
}

/** Every process below `pid`, with its command line. */
export function descendants(pid: number): Array<{ pid: number; args: string }> {
    const rows = spawnSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" }).stdout.trim().split("\n")
        .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
    const found: Array<{ pid: number; args: string }> = [];
    const parents = new Set([pid]);
    for (let grew = true; grew;) {
        grew = false;
        for (const row of rows) {
            if (parents.has(row.ppid) && !parents.has(row.pid)) {
                parents.add(row.pid);
                found.push({ pid: row.pid, args: row.args });
                grew = true;
            }
        }
    }
    return found;
}

/** Polls `probe` until it gives a value; fails after `seconds`. */
export async function waitFor<T>(probe: () => T | undefined, seconds: number): Promise<T> {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
        const value = probe();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`not reached within ${seconds} s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}
