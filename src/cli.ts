import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import type { Analysis } from "./report/analysis";
import { manifestRun, readManifestsInParallel } from "./manifests";
import * as path from "path";
import { loadCatalog } from "./catalog/catalog";
import { DEFAULT_PACK_DIR, judge, packConfigOf, preview, readPackConfig } from "./preview";
import { Report, reportFromAnalysis, standInsOf } from "./report/document";
import { missingVerdicts, otherPacks, readEvents, reportFromEvents } from "./report/event-log";
import { Format, FORMATS, render } from "./report/index";
import { killAllChildren } from "./program/child-processes";
import { DEFAULT_TIMEOUT_SECONDS } from "./program";
import { assertReportJudged } from "./report/coverage";
import { packResourceTypes } from "./report/pack";
import { displayPath, repositoryRoot, sourceLocations } from "./report/locations";
import { visibleLine } from "./report/safe";
import { Progress, progressReports } from "./progress";
import { withDefaultProviders } from "./analyzer/default-providers";
import { resolvePolicyConfig, unknownsAllowed } from "./analyzer/config";
import type { ProgramRun } from "./program/records";

/**
 * Exit codes: 0 every mandatory policy judged every resource it applies to and found no violation;
 * 1 a mandatory violation, or a mandatory policy left a resource unknown during preview that the
 * policy-pack config does not allow (not verified); 2 the run itself failed.
 */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_ERROR = 2;

/** Node.js timers hold at most 2^31-1 ms; a longer one fires at once. */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

function positiveSeconds(value: string): number {
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new InvalidArgumentError(`expected a number of seconds above 0, got "${value}"`);
    }
    if (seconds > MAX_TIMER_SECONDS) {
        throw new InvalidArgumentError(`expected at most ${MAX_TIMER_SECONDS} seconds (about 24 days, the longest timer Node.js holds), got "${value}"`);
    }
    return seconds;
}

function collect(value: string, previous: string[] = []): string[] {
    return [...previous, value];
}

function keyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
    const at = value.indexOf("=");
    if (at <= 0) {
        throw new InvalidArgumentError(`expected key=value, got "${value}"`);
    }
    return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** A report written to a file in addition to the one printed: `--output sarif=prodready.sarif`. */
export interface ReportFile {
    format: Format;
    file: string;
}

function reportFile(value: string, previous: ReportFile[] = []): ReportFile[] {
    const at = value.indexOf("=");
    const format = value.slice(0, Math.max(at, 0));
    const file = value.slice(at + 1);
    if (at <= 0 || file === "") {
        throw new InvalidArgumentError(`expected <format>=<file>, got "${value}"`);
    }
    if (!(FORMATS as readonly string[]).includes(format)) {
        throw new InvalidArgumentError(`unknown format "${format}" (choose from ${FORMATS.join(", ")})`);
    }
    if (previous.some((p) => path.resolve(p.file) === path.resolve(file))) {
        throw new InvalidArgumentError(`${file} is given to --output twice`);
    }
    return [...previous, { format: format as Format, file }];
}

function writeReportFile(file: string, text: string): void {
    try {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        fs.writeFileSync(file, text);
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new Error(`cannot write the report to ${file}: ${code === "EISDIR" ? "EISDIR (it is a directory)" : code ?? (err as Error).message}`);
    }
}

/**
 * Writes the report to each `--output` file and prints it in the chosen format: one run, every
 * format. The exit code says whether the gate failed (summary.passed).
 */
function emitReport(report: Report, format: Format, files: readonly ReportFile[] = [], artifact?: string | null): number {
    // A run that judged nothing is an error in every mode, never a clean pass.
    assertReportJudged(report);
    for (const output of files) {
        writeReportFile(output.file, render(report, output.format, { color: false, artifact }));
    }
    process.stdout.write(render(report, format, { color: process.stdout.isTTY, artifact }));
    return report.summary.passed ? EXIT_OK : EXIT_VIOLATIONS;
}

/** The run's policy-pack config (as packConfigOf reads it), for what the report needs of it. */
type PackConfig = ReturnType<typeof packConfigOf>;

function emit(analysis: Analysis, config: PackConfig, format: Format, files: readonly ReportFile[] = [], source: Report["source"], run: ProgramRun, packDir: string | undefined, artifact?: string | null): number {
    // The objects the pack was called with: the run's resources and the default providers the engine adds.
    const subjects = withDefaultProviders(run, {}).resources;
    const resourceTypes = packResourceTypes(packDir ?? DEFAULT_PACK_DIR);
    const locations = sourceLocations(run.resources);
    // The policies whose unknowns the config allows, resolved against the policies the pack described.
    const allowUnknown = unknownsAllowed(resolvePolicyConfig(analysis.pack.policies, config.packConfig, config.configSource));
    const standIns = standInsOf(run);
    return emitReport(reportFromAnalysis({ ...analysis, allowUnknown }, { catalog: loadCatalog(), source, subjects, resourceTypes, locations, standIns }), format, files, artifact);
}

function formatOption(): Option {
    return new Option("--format <format>", "output format: text, json (docs/report.schema.json), sarif (2.1.0), junit (XML), markdown (pull-request comment), html (a self-contained page)")
        .choices(FORMATS).default("text");
}

function outputOption(): Option {
    return new Option("--output <format=file>", "also write the report in this format to this file, from the same run (repeatable): --output sarif=prodready.sarif --output markdown=prodready.md")
        .argParser(reportFile);
}

export function buildProgram(setExit: (code: number) => void): Command {
    const program = new Command("prodready")
        .description("Production-readiness policies for Pulumi programs, without a cloud account or the Pulumi CLI")
        .exitOverride()
        .configureOutput({ outputError: (text, write) => write(text.startsWith("error:") ? `prodready: ${text}` : text) });

    program.command("preview")
        .description("run a Pulumi program (TypeScript, JavaScript, Python or Pulumi YAML) against an in-process engine, without a cloud, and judge it with the policy pack")
        .argument("[program-dir]", "Pulumi project directory (with Pulumi.yaml)", ".")
        .option("--policy-pack <dir>", "policy pack directory (default: the prodready pack)")
        .option("--policy-pack-config <file>", "JSON config for the pack, as for pulumi preview --policy-pack-config")
        .option("-c, --config <key=value>", "stack config value (repeatable)", keyValue)
        .option("--profile <name>", "ready-made pack config from profiles/ (checklists, pss-baseline, pss-restricted); --policy-pack-config entries override it")
        .option("-s, --stack <stack>", "stack as the Pulumi CLI names it (name, org/name or org/project/name); its Pulumi.<name>.yaml (in stackConfigDir if set) is read and must exist (default: dev, whose file is optional)")
        .option("--timeout <seconds>", "give up on a program that has not finished after this many seconds", positiveSeconds, DEFAULT_TIMEOUT_SECONDS)
        .option("--allow-unexpanded <type-glob>", "accept components of these types unjudged when their provider plugin is missing (repeatable), instead of failing", collect)
        .addOption(formatOption())
        .addOption(outputOption())
        .action(async (dir: string, opts) => {
            const progress = new Progress();
            const result = await preview(dir, {
                ...progressReports(progress),
                timeoutSeconds: opts.timeout,
                packDir: opts.policyPack,
                packConfigFile: opts.policyPackConfig,
                profile: opts.profile,
                config: opts.config,
                stack: opts.stack,
                allowUnexpanded: opts.allowUnexpanded,
            }).finally(() => progress.done());
            const artifact = displayPath(path.resolve(result.programDir, "Pulumi.yaml"), repositoryRoot());
            const config = packConfigOf({ profile: opts.profile, packConfigFile: opts.policyPackConfig });
            setExit(emit(result, config, opts.format, opts.output, { kind: "preview", target: result.programDir }, result.run, opts.policyPack, artifact));
        });
    program.command("manifests")
        .description("judge rendered Kubernetes manifests (files, directories, or - for standard input) with the policy pack")
        .argument("<paths...>", "YAML or JSON manifests; multi-document files and List kinds are read")
        .option("--policy-pack <dir>", "policy pack directory (default: the prodready pack)")
        .option("--policy-pack-config <file>", "JSON config for the pack, as for pulumi preview --policy-pack-config")
        .option("--profile <name>", "ready-made pack config from profiles/ (checklists, pss-baseline, pss-restricted); --policy-pack-config entries override it")
        .addOption(new Option("--analyzer <mode>", "where the pack runs: in this process (fast), or in its own process over gRPC as the Pulumi engine runs it; both give the same verdicts")
            .choices(["in-process", "grpc"]).default("in-process"))
        .addOption(formatOption())
        .addOption(outputOption())
        .action(async (paths: string[], opts) => {
            const config = packConfigOf({ profile: opts.profile, packConfigFile: opts.policyPackConfig });
            const progress = new Progress();
            progress.update("prodready: reading manifests");
            const run = manifestRun(await readManifestsInParallel(paths));
            const analysis = await judge(run, { packDir: opts.policyPack, packConfigFile: opts.policyPackConfig, profile: opts.profile, analyzer: opts.analyzer, ...progressReports(progress) })
                .finally(() => progress.done());
            setExit(emit(analysis, config, opts.format, opts.output, { kind: "manifests", target: paths.join(" ") }, run, opts.policyPack,
                paths[0] === "-" ? null : displayPath(path.resolve(paths[0]), repositoryRoot())));
        });
    program.command("report")
        .description("report the policy results of a real `pulumi preview --policy-pack <pack> --event-log <file>`")
        .argument("<event-log>", "the file pulumi wrote with --event-log (JSON lines of engine events)")
        .option("--policy-pack <dir>", "the policy pack the preview ran (default: the prodready pack), for policy metadata and exemptions")
        .option("--policy-pack-config <file>", "the policy-pack config the preview ran with")
        .addOption(formatOption())
        .addOption(outputOption())
        .action(async (file: string, opts) => {
            const events = readEvents(file);
            const report = reportFromEvents(events, {
                catalog: loadCatalog(),
                packDir: opts.policyPack ?? DEFAULT_PACK_DIR,
                packConfig: opts.policyPackConfig ? readPackConfig(opts.policyPackConfig) : undefined,
                configSource: opts.policyPackConfig,
                target: file,
            });
            setExit(emitReport(report, opts.format, opts.output));
            const others = otherPacks(events, report.pack);
            if (others.length > 0) {
                process.stderr.write(`prodready: notice: the preview also ran ${others.join(", ")}; only ${visibleLine(`${report.pack.name}@${report.pack.version}`)} is reported\n`);
            }
            // Which policies the log holds no verdict of, after the report (an error stays the only line).
            for (const line of missingVerdicts(report)) {
                process.stderr.write(`prodready: warning: ${line}\n`);
            }
        });
    return program;
}

function oneLine(err: unknown): string {
    const message = err instanceof Error ? err.message : String(err);
    // Paths and messages may hold anything: never let them drive the terminal.
    return visibleLine(message.split("\n").find((l) => l.trim() !== "") ?? "unknown error");
}

// An interrupted run ends the program and the pack it started, then exits the way shells expect.
const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

function exitOnSignal(signal: NodeJS.Signals): void {
    killAllChildren();
    process.stderr.write(`prodready: error: interrupted by ${signal}\n`);
    process.exit(SIGNAL_EXIT_CODES[signal] ?? EXIT_ERROR);
}

/** Runs the command line; errors print one line naming the cause, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
    for (const signal of Object.keys(SIGNAL_EXIT_CODES) as NodeJS.Signals[]) {
        process.once(signal, exitOnSignal);
    }
    let exitCode = EXIT_OK;
    const program = buildProgram((code) => { exitCode = code; });
    // A reader that stops early (`| head`) closes the pipe: end quietly with the run's status.
    const onOutputError = (err: NodeJS.ErrnoException) => {
        if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") {
            process.exit(exitCode);
        }
        process.stderr.write(`prodready: error: cannot write the report: ${err.code ?? err.message}\n`);
        process.exit(EXIT_ERROR);
    };
    process.stdout.on("error", onOutputError);
    try {
        await program.parseAsync(argv);
    } catch (err) {
        if (err instanceof CommanderError) {
            exitCode = err.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
        } else {
            process.stderr.write(`prodready: error: ${oneLine(err)}\n`);
            exitCode = EXIT_ERROR;
        }
    }
    process.exitCode = exitCode;
}
