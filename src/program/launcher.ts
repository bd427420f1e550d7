// The one skeleton every language's run shares: the monitor and engine served in-process, the
// program's process started and watched, and the checks on how it ended, in one order.
import { invokeHandlers } from "./invokes";
import { startPreviewEngine } from "./preview-engine";
import { ProgramError } from "./program-error";
import { ProgramProcess, ProgramProcessOptions, startProgramProcess } from "./program-process";
import type { ProgramOptions, Project } from "./project";
import type { ProgramRun, RecordedResource } from "./records";
import { MonitorSettings, RecordingMonitor } from "./recording-monitor";
import { LastState } from "../state/steps";

/** Seconds a program may run before the preview gives up on it. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** What differs between the languages: how the program is started, and how its failures read. */
export interface Launch {
    command: string;
    /** The runner's arguments, given the address that serves both the monitor and the engine. */
    args(address: string): string[];
    cwd: string;
    env: NodeJS.ProcessEnv;
    /** Names the process in a start failure: `the program`, `the Python interpreter …`. */
    what: string;
    /** One line for the first error the program logged through the engine. */
    describeError(logged: string): string;
    /** A failure the process's exit and stderr show before anything else (a missing SDK), if any. */
    setupProblem?(exit: { code: number | null }, stderr: readonly string[]): string | undefined;
    /** The records as they are judged (the YAML interpreter relocates them to the template). */
    judged?(records: RecordedResource[]): RecordedResource[];
    /** Starts the program's process: by default a new process for each run. */
    start?(command: string, args: readonly string[], options: ProgramProcessOptions): ProgramProcess;
}

/** What the monitor of a run needs to construct components and answer functions as the engine would. */
function monitorSettings(project: Project, options: ProgramOptions, lastState: LastState | undefined): MonitorSettings {
    return { config: project.config, secretKeys: project.secretKeys, cwd: project.dir, allowUnexpanded: options.allowUnexpanded, lastState };
}

/**
 * Runs a program against a monitor and engine served here until it has really finished, and returns
 * what it registered. Fails closed, in this order: a setup problem; what the run did not see (a
 * component nobody constructed, a function nobody answered), since the program's own error is then
 * only its echo; the program's error; an exit that is not 0.
 */
export async function launch(project: Project, options: ProgramOptions, how: Launch): Promise<ProgramRun> {
    const lastState = options.state ? new LastState(options.state) : undefined;
    const monitor = new RecordingMonitor(invokeHandlers(), project.name, project.stack, options.onRegistered, monitorSettings(project, options, lastState));
    const engine = await startPreviewEngine(monitor);
    let running: ProgramProcess | undefined;
    try {
        running = (how.start ?? startProgramProcess)(how.command, how.args(engine.address), {
            cwd: how.cwd,
            env: how.env,
            timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
            what: how.what,
        });
        const exit = await running.exit;
        const lines = running.stderr();
        const setup = how.setupProblem?.(exit, lines);
        if (setup) {
            throw new ProgramError(setup);
        }
        if (monitor.problems.length > 0) {
            throw new ProgramError(monitor.problems[0]);
        }
        if (engine.errors.length > 0) {
            throw new ProgramError(`the program failed: ${how.describeError(engine.errors[0])}`);
        }
        if (exit.code !== 0) {
            const last = lines.pop();
            const ended = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.code}`;
            throw new ProgramError(`the program ${ended}${last ? `: ${last.trim()}` : ""}`);
        }
        return {
            project: project.name,
            stack: project.stack,
            resources: how.judged ? how.judged(monitor.records) : monitor.records,
            unansweredInvokes: [...monitor.unansweredInvokes].sort(),
            unexpanded: monitor.unexpanded,
            standInFunctions: [...monitor.standInFunctions].sort(),
            standInResources: [...monitor.standIns],
            ...(lastState ? { deletes: lastState.deletes() } : {}),
        };
    } finally {
        running?.end();
        engine.close();
    }
}
