// Child-process entry of the embedded preview: runs one Pulumi program under the recording monitor
// and writes what it registered to the job's output file. Kept in its own process so a program
// that throws, exits or leaks global state cannot take the preview down with it.
import * as fs from "fs";
import * as path from "path";
import { invokeHandlers } from "./invokes";
import type { ProgramJob, ProgramRun } from "./records";
import { RecordingMonitor } from "./recording-monitor";

function firstLine(error: unknown): string {
    if (error instanceof Error) {
        return error.message.split("\n").find((line) => line.trim() !== "") ?? error.name;
    }
    return String(error);
}

/** Lets the program be TypeScript, transpiled only: type errors are the build's business, not the preview's. */
function registerTypeScript(programDir: string): void {
    const tsconfig = path.join(programDir, "tsconfig.json");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("ts-node").register({
        transpileOnly: true,
        ...(fs.existsSync(tsconfig) ? { project: tsconfig } : { skipProject: true }),
        compilerOptions: { module: "commonjs", sourceMap: true },
    });
}

async function main(job: ProgramJob): Promise<void> {
    // Stack config reaches the program through the same variables the language host sets.
    process.env.PULUMI_CONFIG = JSON.stringify(job.config);
    process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(job.secretKeys);
    process.env.PULUMI_NODEJS_PROJECT = job.project;
    process.env.PULUMI_NODEJS_STACK = job.stack;
    process.env.PULUMI_DRY_RUN = String(job.dryRun);

    const pulumi = await import("@pulumi/pulumi");
    // waitForRPCs is internal to the SDK, so it is not in the typings.
    const settings: any = await import("@pulumi/pulumi/runtime/settings");
    await pulumi.runtime.setMocks({ newResource: () => ({ id: undefined, state: {} }), call: () => ({}) }, job.project, job.stack, job.dryRun);
    const monitor = new RecordingMonitor(invokeHandlers(job.config), job.dryRun);
    settings.setMockOptions(monitor, job.project, job.stack, job.dryRun);

    const programPath = path.resolve(job.programDir, job.main || ".");
    process.chdir(job.programDir);
    registerTypeScript(job.programDir);
    let error: string | undefined;
    const failures: unknown[] = [];
    const onFailure = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onFailure);
    process.on("uncaughtException", onFailure);
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const loaded = require(programPath);
            const entry = loaded?.default ?? loaded;
            return typeof entry === "function" ? await entry() : entry;
        });
        await settings.waitForRPCs();
    } catch (err) {
        error = firstLine(err);
    }
    if (!error && failures.length > 0) {
        error = firstLine(failures[0]);
    }
    const run: ProgramRun = {
        project: job.project,
        stack: job.stack,
        resources: monitor.records,
        unansweredInvokes: [...monitor.unansweredInvokes].sort(),
        error,
    };
    fs.writeFileSync(job.outputFile, JSON.stringify(run));
}

const job: ProgramJob = JSON.parse(process.argv[2] ?? "{}");
main(job).then(
    () => process.exit(0),
    (err) => {
        process.stderr.write(`prodready: could not run the program: ${firstLine(err)}\n`);
        process.exit(1);
    },
);
