import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Analysis } from "./analyzer/session";
import { manifestRun, readManifests } from "./manifests";
import * as path from "path";
import { loadCatalog } from "./catalog/catalog";
import { DEFAULT_PACK_DIR, judge, preview, readPackConfig } from "./preview";
import { Report, reportFromAnalysis } from "./report/document";
import { readEvents, reportFromEvents } from "./report/event-log";
import { Format, FORMATS, render } from "./report/index";

/** Exit codes: 0 no mandatory violation, 1 a mandatory violation, 2 the run itself failed. */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_ERROR = 2;

function keyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
    const at = value.indexOf("=");
    if (at <= 0) {
        throw new InvalidArgumentError(`expected key=value, got "${value}"`);
    }
    return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** Prints a report in the chosen format; the exit code says whether a mandatory violation fails the run. */
function emitReport(report: Report, format: Format, artifact?: string): number {
    process.stdout.write(render(report, format, { color: process.stdout.isTTY, artifact }));
    return report.summary.passed ? EXIT_OK : EXIT_VIOLATIONS;
}

function emit(analysis: Analysis, format: Format, source: Report["source"], artifact?: string): number {
    return emitReport(reportFromAnalysis(analysis, { catalog: loadCatalog(), source }), format, artifact);
}

function formatOption(): Option {
    return new Option("--format <format>", "output format: text, json (docs/report.schema.json), sarif (2.1.0), junit (XML), markdown (pull-request comment)")
        .choices(FORMATS).default("text");
}

export function buildProgram(setExit: (code: number) => void): Command {
    const program = new Command("prodready")
        .description("Production-readiness policies for Pulumi programs, without a cloud account or the Pulumi CLI")
        .exitOverride()
        .configureOutput({ outputError: (text, write) => write(text.startsWith("error:") ? `prodready: ${text}` : text) });

    program.command("preview")
        .description("run a Pulumi TypeScript program under the SDK's mocks and judge it with the policy pack")
        .argument("[program-dir]", "Pulumi project directory (with Pulumi.yaml)", ".")
        .option("--policy-pack <dir>", "policy pack directory (default: the prodready pack)")
        .option("--policy-pack-config <file>", "JSON config for the pack, as for pulumi preview --policy-pack-config")
        .option("-c, --config <key=value>", "stack config value (repeatable)", keyValue)
        .option("-s, --stack <name>", "stack name; its Pulumi.<stack>.yaml config is read", "dev")
        .addOption(formatOption())
        .action(async (dir: string, opts) => {
            const result = await preview(dir, {
                packDir: opts.policyPack,
                packConfigFile: opts.policyPackConfig,
                config: opts.config,
                stack: opts.stack,
            });
            const artifact = path.relative(process.cwd(), path.join(result.programDir, "Pulumi.yaml")).split(path.sep).join("/");
            setExit(emit(result, opts.format, { kind: "preview", target: result.programDir }, artifact));
        });
    program.command("manifests")
        .description("judge rendered Kubernetes manifests (files, directories, or - for standard input) with the policy pack")
        .argument("<paths...>", "YAML or JSON manifests; multi-document files and List kinds are read")
        .option("--policy-pack <dir>", "policy pack directory (default: the prodready pack)")
        .option("--policy-pack-config <file>", "JSON config for the pack, as for pulumi preview --policy-pack-config")
        .addOption(formatOption())
        .action(async (paths: string[], opts) => {
            if (opts.policyPackConfig) {
                readPackConfig(opts.policyPackConfig);
            }
            const run = manifestRun(readManifests(paths));
            const analysis = await judge(run, { packDir: opts.policyPack, packConfigFile: opts.policyPackConfig });
            setExit(emit(analysis, opts.format, { kind: "manifests", target: paths.join(" ") }, paths[0] === "-" ? undefined : paths[0]));
        });
    program.command("report")
        .description("report the policy results of a real `pulumi preview --policy-pack <pack> --event-log <file>`")
        .argument("<event-log>", "the file pulumi wrote with --event-log (JSON lines of engine events)")
        .option("--policy-pack <dir>", "the policy pack the preview ran (default: the prodready pack), for policy metadata and exemptions")
        .option("--policy-pack-config <file>", "the policy-pack config the preview ran with")
        .addOption(formatOption())
        .action(async (file: string, opts) => {
            const report = reportFromEvents(readEvents(file), {
                catalog: loadCatalog(),
                packDir: opts.policyPack ?? DEFAULT_PACK_DIR,
                packConfig: opts.policyPackConfig ? readPackConfig(opts.policyPackConfig) : undefined,
                configSource: opts.policyPackConfig,
                target: file,
            });
            setExit(emitReport(report, opts.format));
        });
    return program;
}

function oneLine(err: unknown): string {
    const message = err instanceof Error ? err.message : String(err);
    return message.split("\n").find((l) => l.trim() !== "") ?? "unknown error";
}

/** Runs the command line; errors print one line naming the cause, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
    let exitCode = EXIT_OK;
    const program = buildProgram((code) => { exitCode = code; });
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
