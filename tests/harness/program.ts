// Running a program directory the way the tests of the embedded preview do, and catching how it fails.
import { loadProject, ProgramOptions, runProgram } from "../../src/program";
import type { ProgramRun } from "../../src/program/records";

/** Loads and runs a Pulumi program directory; the options reach both the project (config, stack) and the run. */
export async function runAt(dir: string, options: ProgramOptions = {}, timeoutSeconds = 120): Promise<ProgramRun> {
    return runProgram(loadProject(dir, options), { timeoutSeconds, ...options });
}

/** The error a promise rejects with; a promise that resolves fails the test. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (err) {
        return err as Error;
    }
    throw new Error("the run succeeded");
}
