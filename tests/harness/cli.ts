// The command line as a user runs it, for every test that goes through it: bin/prodready.js (the
// build in dist/, after `npm run build`) in a child process, or the same main() in the test's own
// process, which needs no build and starts faster.
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

/** The installed command. */
export const CLI = path.join(ROOT, "bin", "prodready.js");

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

export interface CliOptions {
    /** The working directory; the repository's root unless given. */
    cwd?: string;
    /** Written to the command's stdin. */
    input?: string;
    /** The whole environment; the test's own unless given. */
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
}

/** Runs bin/prodready.js in a child process and collects what it writes. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? ROOT,
        input: options.input,
        env: options.env,
        encoding: "utf8",
        timeout: options.timeoutMs ?? 120_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command line in this process, as bin/prodready.js does, and collects what it writes. */
export async function runCliInProcess(args: readonly string[]): Promise<CliResult & { code: number }> {
    // Loaded on first use, so that a test which only runs the build does not load the whole CLI.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require("../../src/cli") as typeof import("../../src/cli");
    let stdout = "";
    let stderr = "";
    const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
    const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
    const before = process.exitCode;
    // main() listens for signals and output errors as a process would; a test runs it many times.
    const listening = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM"), error: process.stdout.listeners("error") };
    try {
        await main(["node", "prodready", ...args]);
        return { code: Number(process.exitCode ?? 0), stdout, stderr };
    } finally {
        out.mockRestore();
        err.mockRestore();
        process.exitCode = before;
        for (const signal of ["SIGINT", "SIGTERM"] as const) {
            process.listeners(signal).filter((l) => !listening[signal].includes(l)).forEach((l) => process.removeListener(signal, l));
        }
        process.stdout.listeners("error").filter((l) => !listening.error.includes(l)).forEach((l) => process.stdout.removeListener("error", l as never));
    }
}

/** How a command-line error must read: exit 2, nothing on stdout, one line on stderr. */
export function expectOneLineError(result: CliResult, pattern: RegExp): void {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^prodready: error: /);
    expect(lines[0]).toMatch(pattern);
}
