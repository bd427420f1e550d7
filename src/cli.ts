import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Analysis } from "./analyzer/session";
import { manifestRun, readManifests } from "./manifests";
import { judge, preview, readPackConfig } from "./preview";
import { summarize } from "./report/model";
import { renderText } from "./report/text";

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

function emit(analysis: Analysis, format: string, source: string): number {
    if (format === "json") {
        process.stdout.write(JSON.stringify({ pack: analysis.pack.name, version: analysis.pack.version, summary: summarize(analysis), findings: analysis.findings }, null, 2) + "\n");
    } else {
        process.stdout.write(renderText(analysis, { color: process.stdout.isTTY, source }));
    }
    return summarize(analysis).mandatory > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}

function formatOption(): Option {
    return new Option("--format <format>", "output format").choices(["text", "json"]).default("text");
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
            setExit(emit(result, opts.format, `program: ${result.programDir}`));
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
            setExit(emit(analysis, opts.format, `manifests: ${paths.join(" ")}`));
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
