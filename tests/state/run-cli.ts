// The command line run in the test's own process, as bin/prodready.js runs it.
import { main } from "../../src/cli";

export interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the command line in this process, as bin/prodready.js does, and collects what it writes. */
export async function prodready(...args: string[]): Promise<Run> {
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
