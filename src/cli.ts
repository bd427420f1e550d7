import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import type { Analysis } from "./report/analysis";
import { manifestRun, readManifestsInParallel } from "./manifests";
import * as path from "path";
import { loadCatalog } from "./catalog/catalog";
import { checkPackConfig, describePack, judge, ownPolicies, previewPrograms, servedPacks } from "./preview";
import { PackConfig, packConfigOf, readPackConfig } from "./pack/config-file";
import { DEFAULT_PACK_DIR, packResourceTypes } from "./pack/load";
import { Report, ReportStack, reportFromAnalysis, reportPolicy, standInsOf, toolVersion } from "./report/document";
import { Format, FORMATS, render } from "./report/index";
import { FrameworkId, GROUP_BY_CHOICES, withFrameworkControls } from "./report/frameworks";
import { killAllChildren } from "./program/child-processes";
import { DEFAULT_TIMEOUT_SECONDS } from "./program";
import { assertReportJudged } from "./report/coverage";
import { displayPath, repositoryRoot, sourceLocations } from "./report/locations";
import { visibleLine } from "./report/safe";
import { Progress, progressReports, ProgressStream } from "./progress";
import { withDefaultProviders } from "./analyzer/default-providers";
import { resolvePolicyConfig, unknownsAllowed } from "./pack/config";
import type { ProgramRun } from "./program/records";
import { noticeToStderr } from "./program/project";
import { encryptedSecretsNotice, readStackExport } from "./state";
import { judgeDeployed } from "./state/judge";
import type { Step } from "./report/model";
import { adopt, Adoption, AdoptionOptions, ChangeFacts, changeFactsFromEvents, inputsDigests, prepareAdoption } from "./baseline";

/**
 * Exit codes: 0 every mandatory policy judged every resource it applies to and found no violation;
 * 1 a mandatory violation, or a mandatory policy left a resource unknown during preview that the
 * policy-pack config does not allow (not verified), or a gate tightened by --fail-on advisory or
 * --min-score failed; 2 the run itself failed.
 */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_ERROR = 2;

/** The exit codes as `--help` lists them. */
export const EXIT_CODES_HELP = [
    "",
    "Exit codes:",
    "  0  the gate passed: no mandatory violation, and every mandatory policy judged every resource it applies to",
    "  1  the gate failed: a mandatory violation, a resource not verified (a mandatory policy met a value unknown during preview),",
    "     an advisory violation with --fail-on advisory, or a readiness score below --min-score",
    "  2  the run itself failed (bad arguments or config, a program error, nothing judged); one line on stderr names the cause",
    "",
    "Environment:",
    "  NO_COLOR     set and not empty: the text report has no colour",
    "  FORCE_COLOR  1, 2, 3 or empty: colour even when stdout is not a terminal; 0: never (it wins over NO_COLOR, as in Node.js)",
].join("\n");

/**
 * Whether the text report is coloured: FORCE_COLOR first (as Node.js reads it: `0` or `false` turns
 * colour off, anything else on), then NO_COLOR (https://no-color.org: set and not empty turns it
 * off), else whether stdout is a terminal.
 */
export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
        return !["0", "false"].includes(force.toLowerCase());
    }
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") {
        return false;
    }
    return isTTY === true;
}

/** A flag that takes one value: given twice, the run stops (exit 2) instead of keeping the last one silently. */
function once<T>(flag: string, parse: (value: string) => T): (value: string) => T {
    let seen = false;
    return (value: string) => {
        if (seen) {
            throw new InvalidArgumentError(`${flag} is given twice; give it once`);
        }
        seen = true;
        return parse(value);
    };
}

function asIs(value: string): string {
    return value;
}

/** An option that takes one value, given at most once; with `choices`, a value outside them is an error. */
function single(flags: string, description: string, parse: (value: string) => unknown = asIs, choices?: readonly string[]): Option {
    const option = new Option(flags, description);
    const flag = option.long ?? flags;
    if (choices) {
        option.choices(choices);
    }
    return option.argParser(once(flag, (value) => {
        if (choices && !choices.includes(value)) {
            throw new InvalidArgumentError(`Allowed choices are ${choices.join(", ")}.`);
        }
        return parse(value);
    }));
}

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

function score(value: string): number {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100) {
        throw new InvalidArgumentError(`expected a readiness score from 0 to 100, got "${value}"`);
    }
    return n;
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

/** What fails the run beyond the report's own gate (`summary.passed`), and how the report groups its findings. */
export interface RunOptions {
    /** `advisory`: an advisory violation fails the run too. */
    failOn?: "mandatory" | "advisory";
    /** A readiness score below this fails the run. */
    minScore?: number;
    /** Group the findings by this framework's controls too (text, markdown, json). */
    groupBy?: FrameworkId;
}

/** Why the run fails on top of summary.passed (--fail-on advisory, --min-score), one reason a line. */
export function extraGateFailures(report: Report, options: RunOptions): string[] {
    const reasons: string[] = [];
    if (options.failOn === "advisory" && report.summary.advisory > 0) {
        reasons.push(`${report.summary.advisory} advisory violation${report.summary.advisory === 1 ? "" : "s"} (--fail-on advisory)`);
    }
    if (options.minScore !== undefined && report.score.score < options.minScore) {
        reasons.push(`readiness score ${report.score.score}% is below --min-score ${options.minScore}`);
    }
    return reasons;
}

/**
 * Writes the report to each `--output` file and prints it in the chosen format: one run, every
 * format. The exit code says whether the gate failed (summary.passed, --fail-on, --min-score).
 */
function emitReport(report: Report, format: Format, files: readonly ReportFile[] = [], artifact?: string | null, options: RunOptions = {}): number {
    // A run that judged nothing is an error in every mode, never a clean pass.
    assertReportJudged(report);
    report = withFrameworkControls(report, options.groupBy);
    for (const output of files) {
        writeReportFile(output.file, render(report, output.format, { color: false, artifact }));
    }
    process.stdout.write(render(report, format, { color: colorWanted(process.env, process.stdout.isTTY), artifact }));
    const extra = extraGateFailures(report, options);
    for (const reason of extra) {
        // The report's own gate line knows only mandatory findings: say here why the run fails anyway.
        process.stderr.write(`prodready: gate: fails (exit 1): ${reason}\n`);
    }
    return report.summary.passed && extra.length === 0 ? EXIT_OK : EXIT_VIOLATIONS;
}

/** The report with the baseline and --changed-only applied; a baseline written says so on stderr. */
function adopted(report: Report, adoption: Adoption, facts: ChangeFacts, notice: (line: string) => void): Report {
    // Nothing judged is an error before any baseline is written from it.
    assertReportJudged(report);
    const result = adopt(report, adoption, facts);
    if (result.written) {
        notice(`prodready: wrote ${result.written.entries} entr${result.written.entries === 1 ? "y" : "ies"} to the baseline ${visibleLine(result.written.file)}`);
    }
    return result.report;
}

/** Each resource's step and what the update deletes, when the run was previewed against a stack's last state (`--state`). */
function stepsOf(run: ProgramRun, state: string | undefined): { state: string; of: Map<string, Step>; deletes: NonNullable<ProgramRun["deletes"]> } | undefined {
    if (state === undefined || run.deletes === undefined) {
        return undefined;
    }
    return { state, of: new Map(run.resources.flatMap((r) => (r.step ? [[r.urn, r.step] as const] : []))), deletes: run.deletes };
}

function emit(analysis: Analysis, config: PackConfig, format: Format, files: readonly ReportFile[] = [], source: Report["source"], run: ProgramRun, packDirs: readonly string[], artifact: string | null | undefined, options: RunOptions,
    adoption: Adoption, notice: (line: string) => void, more: { state?: string; stacks?: ReportStack[] } = {}): number {
    // The objects the pack was called with: the run's resources and the default providers the engine adds.
    const subjects = withDefaultProviders(run, {}).resources;
    // The types each resource policy judges, of every pack prodready can load in-process.
    const resourceTypes = new Map(packDirs.flatMap((dir) => [...(packResourceTypes(dir) ?? [])]));
    const locations = sourceLocations(run.resources);
    // The policies whose unknowns the config allows, resolved against the policies the run's own pack
    // described (the other packs' were resolved from their defaults when their analyses were merged).
    const allowUnknown = [...(analysis.allowUnknown ?? []), ...unknownsAllowed(resolvePolicyConfig(ownPolicies(analysis), config.packConfig, config.configSource))];
    const standIns = standInsOf(run);
    const steps = stepsOf(run, more.state);
    const report = reportFromAnalysis({ ...analysis, allowUnknown }, { catalog: loadCatalog(), source, subjects, resourceTypes, locations, standIns, ...(steps ? { steps } : {}), ...(more.stacks ? { stacks: more.stacks } : {}) });
    // Without the stack's last state the run knows no steps: the inputs digests decide the ratchet.
    const facts: ChangeFacts = { steps: steps?.of ?? new Map(), digests: inputsDigests(run.resources) };
    return emitReport(adopted(report, adoption, facts, notice), format, files, artifact, options);
}

/** Where progress lines go: stderr, or nowhere with --quiet (a stream that is no terminal shows none). */
function progressStream(quiet: boolean | undefined): ProgressStream {
    return quiet ? { isTTY: false, write: () => true } : process.stderr;
}

/** Where notices go: stderr, or nowhere with --quiet. */
function noticeSink(quiet: boolean | undefined): (line: string) => void {
    return quiet ? () => undefined : noticeToStderr;
}

/** The policy-pack config a run finds by convention, so CI needs no flag (docs/profiles.md). */
export const CONVENTIONAL_PACK_CONFIG = "prodready.json";

/**
 * Sets --policy-pack-config to prodready.json of the first of `dirs` (the program's directory,
 * then the working directory) that has one, unless the flag names a file; says so in one line.
 */
function findConventionalPackConfig(opts: { policyPackConfig?: string; quiet?: boolean }, dirs: readonly string[]): void {
    if (opts.policyPackConfig !== undefined) {
        return;
    }
    const found = [...dirs, "."].map((dir) => path.join(dir, CONVENTIONAL_PACK_CONFIG)).find((file) => fs.existsSync(file));
    if (found) {
        opts.policyPackConfig = found;
        noticeSink(opts.quiet)(`prodready: notice: policy-pack config ${visibleLine(found)}, found by convention (--policy-pack-config names another)`);
    }
}

function runOptions(opts: { failOn?: "mandatory" | "advisory"; minScore?: number; groupBy?: FrameworkId }): RunOptions {
    return { failOn: opts.failOn, minScore: opts.minScore, groupBy: opts.groupBy };
}

/** The options every command that prints a report takes to adopt prodready on stacks with findings (docs/adoption.md). */
function adoptionOptions(): Option[] {
    return [
        single("--baseline <file>", "a baseline file (--write-baseline writes it): a finding it lists is reported as baselined and fails no gate, " +
            "until the entry expires or the finding's resource changes; entries whose finding is gone are reported as stale"),
        single("--write-baseline <file>", "write this run's failing findings to a baseline file (YAML, sorted; with --baseline, entries it still applies keep their " +
            "reason and date), then report with it applied; needs --baseline-reason and --baseline-expires"),
        single("--baseline-reason <text>", "with --write-baseline: why new entries are accepted (each entry can be edited after)"),
        single("--baseline-expires <YYYY-MM-DD>", "with --write-baseline: the last day new entries apply (UTC)"),
        new Option("--changed-only", "fail only on findings on resources the change touches (the engine's step is not `same`) and report the others apart as " +
            "untouched debt; the step is known from an event log (report) or the stack's last state: without it every resource counts as touched"),
    ];
}

function adoptionOf(opts: AdoptionOptions): Adoption {
    return prepareAdoption({ baseline: opts.baseline, writeBaseline: opts.writeBaseline, baselineReason: opts.baselineReason, baselineExpires: opts.baselineExpires, changedOnly: opts.changedOnly });
}

/** The options every command that prints a report takes for its gate, its grouping and its output on stderr. */
function gateOptions(): Option[] {
    return [
        single("--group-by <framework>", `also group the findings by the controls of a framework, each with its verdict (${GROUP_BY_CHOICES.join(", ")}; docs/frameworks.md): ` +
            "shown by the text, markdown and json formats; the other formats ignore it", asIs, GROUP_BY_CHOICES),
        single("--fail-on <level>", "the lowest level whose violation fails the run (exit 1): mandatory, or advisory for every violation", asIs, ["mandatory", "advisory"]).default("mandatory"),
        single("--min-score <n>", "also fail the run (exit 1) when the readiness score (0-100) is below n", score),
        new Option("-q, --quiet", "print only the report: no progress line, notices or warnings on stderr (errors and why the gate fails still go there)"),
    ];
}

function formatOption(): Option {
    return single("--format <format>", "output format: text, json (docs/report.schema.json), sarif (2.1.0), junit (XML), markdown (pull-request comment), html (a self-contained page), " +
        "github (GitHub Actions annotations), gitlab (GitLab Code Quality JSON)", asIs, FORMATS).default("text");
}

function outputOption(): Option {
    return new Option("--output <format=file>", "also write the report in this format to this file, from the same run (repeatable): --output sarif=prodready.sarif --output markdown=prodready.md")
        .argParser(reportFile);
}

const PACK_HELP = "policy pack directory (default: the prodready pack)";
const PACKS_HELP = "another policy pack to run beside prodready's own, with its own defaults, as pulumi preview runs several (repeatable); " +
    "a copy of prodready's pack takes the built-in one's place";
const PACK_CONFIG_HELP = "JSON config for prodready's pack, as for pulumi preview --policy-pack-config (default: prodready.json in the program's directory or the working directory, when there is one)";
const PROFILE_HELP = "ready-made pack config from profiles/ (checklists, pss-baseline, pss-restricted, and one per framework: aws-well-architected, cis-kubernetes, cis-aws-foundations); " +
    "--policy-pack-config entries override it";

/**
 * The options of a command that judges objects already written down (manifests, a stack export) with
 * the packs: which packs, their config, where they run, the report, the gate and the baseline.
 */
function judgingOptions(command: Command): Command {
    command.option("--policy-pack <dir>", PACKS_HELP, collect)
        .addOption(single("--policy-pack-config <file>", PACK_CONFIG_HELP))
        .addOption(single("--profile <name>", PROFILE_HELP))
        .addOption(single("--analyzer <mode>", "where the pack runs: in this process (fast), or in its own process over gRPC as the Pulumi engine runs it; both give the same verdicts",
            asIs, ["in-process", "grpc"]).default("in-process"))
        .addOption(formatOption())
        .addOption(outputOption());
    gateOptions().forEach((o) => command.addOption(o));
    adoptionOptions().forEach((o) => command.addOption(o));
    return command.addHelpText("after", EXIT_CODES_HELP);
}

/** The pack's policies as `prodready policies` prints them: the fields the report's policies have. */
function policyLines(pack: { name: string; version: string }, policies: ReturnType<typeof reportPolicy>[]): string {
    const lines = [`${visibleLine(`${pack.name}@v${pack.version}`)}: ${policies.length} policies`];
    for (const p of policies) {
        lines.push("", `${visibleLine(p.name)}  [${p.enforcementLevel}, ${p.severity}${p.priority ? `, ${p.priority}` : ""}]` +
            (p.checklist.length ? `  checklist: ${p.checklist.map(visibleLine).join(", ")}` : ""), `    ${visibleLine(p.description)}`);
    }
    return lines.join("\n") + "\n";
}

export function buildProgram(setExit: (code: number) => void): Command {
    const program = new Command("prodready")
        .description("Production-readiness policies for Pulumi programs, without a cloud account or the Pulumi CLI")
        .version(toolVersion(), "-V, --version", "print prodready's version")
        .exitOverride()
        .configureOutput({ outputError: (text, write) => write(text.startsWith("error:") ? `prodready: ${text}` : text) })
        .addHelpText("after", EXIT_CODES_HELP);

    const previewCommand = program.command("preview")
        .description("run a Pulumi program (TypeScript, JavaScript, Python or Pulumi YAML) against an in-process engine, without a cloud, and judge it with the policy pack")
        .argument("[program-dirs...]", "Pulumi project directories (with Pulumi.yaml); several are judged as one estate, by one pack whose stack policies see them all (default: .)")
        .option("--policy-pack <dir>", PACKS_HELP, collect)
        .addOption(single("--policy-pack-config <file>", PACK_CONFIG_HELP))
        .option("-c, --config <key=value>", "stack config value (repeatable)", keyValue)
        .addOption(single("--profile <name>", PROFILE_HELP))
        .addOption(single("-s, --stack <stack>", "stack as the Pulumi CLI names it (name, org/name or org/project/name); its Pulumi.<name>.yaml (in stackConfigDir if set) is read and must exist (default: dev, whose file is optional)"))
        .addOption(single("--timeout <seconds>", "give up on a program that has not finished after this many seconds", positiveSeconds).default(DEFAULT_TIMEOUT_SECONDS))
        .option("--allow-unexpanded <type-glob>", "accept components of these types unjudged when their provider plugin is missing (repeatable), instead of failing", collect)
        .addOption(single("--state <file>", "the stack's last state (what pulumi stack export writes): preview as the engine previews an update, " +
            "deployed resources keeping their IDs and outputs, and report each resource's step (same, create, update, replace, delete)"))
        .addOption(formatOption())
        .addOption(outputOption());
    gateOptions().forEach((o) => previewCommand.addOption(o));
    adoptionOptions().forEach((o) => previewCommand.addOption(o));
    previewCommand.addHelpText("after", EXIT_CODES_HELP)
        .action(async (dirs: string[], opts) => {
            findConventionalPackConfig(opts, dirs.slice(0, 1));
            const adoption = adoptionOf(opts);
            const packs = servedPacks(opts.policyPack);
            const state = opts.state ? readStackExport(opts.state) : undefined;
            const encrypted = state ? encryptedSecretsNotice(state) : undefined;
            if (encrypted) {
                noticeSink(opts.quiet)(`prodready: warning: ${visibleLine(encrypted)}`);
            }
            // Read once, when the preview has checked the programs' projects; the pack and the report both use it.
            let config: PackConfig | undefined;
            const readConfig = () => (config ??= packConfigOf({ profile: opts.profile, packConfigFile: opts.policyPackConfig }));
            const progress = new Progress(progressStream(opts.quiet));
            const result = await previewPrograms(dirs.length > 0 ? dirs : ["."], {
                state,
                ...progressReports(progress),
                timeoutSeconds: opts.timeout,
                ...packs,
                packConfig: readConfig,
                config: opts.config,
                stack: opts.stack,
                allowUnexpanded: opts.allowUnexpanded,
                onNotice: noticeSink(opts.quiet),
            }).finally(() => progress.done());
            const artifact = displayPath(path.resolve(result.programDir, "Pulumi.yaml"), repositoryRoot());
            const stacks = result.programs?.map((p) => ({ project: p.project, stack: p.stack, target: p.programDir, resources: p.resources }));
            const target = result.programs ? result.programs.map((p) => p.programDir).join(" ") : result.programDir;
            setExit(emit(result, readConfig(), opts.format, opts.output, { kind: "preview", target }, result.run, [packs.packDir, ...packs.otherPackDirs], artifact, runOptions(opts),
                adoption, noticeSink(opts.quiet), { state: opts.state, stacks }));
        });
    judgingOptions(program.command("manifests")
        .description("judge rendered Kubernetes manifests (files, directories, or - for standard input) with the policy pack")
        .argument("<paths...>", "YAML or JSON manifests; multi-document files and List kinds are read"))
        .action(async (paths: string[], opts) => {
            findConventionalPackConfig(opts, []);
            const adoption = adoptionOf(opts);
            const config = packConfigOf({ profile: opts.profile, packConfigFile: opts.policyPackConfig });
            const packs = servedPacks(opts.policyPack);
            const progress = new Progress(progressStream(opts.quiet));
            progress.update("prodready: reading manifests");
            const run = manifestRun(await readManifestsInParallel(paths));
            const analysis = await judge(run, { ...packs, packConfig: config, analyzer: opts.analyzer,
                onNotice: noticeSink(opts.quiet), ...progressReports(progress) })
                .finally(() => progress.done());
            setExit(emit(analysis, config, opts.format, opts.output, { kind: "manifests", target: paths.join(" ") }, run, [packs.packDir, ...packs.otherPackDirs],
                paths[0] === "-" ? null : displayPath(path.resolve(paths[0]), repositoryRoot()), runOptions(opts), adoption, noticeSink(opts.quiet)));
        });
    judgingOptions(program.command("state")
        .description("judge a deployed stack from what `pulumi stack export` wrote, without running its program: as `pulumi policy analyze` does, offline")
        .argument("<file>", "the stack export (deployment version 3); export with --show-secrets to judge secret values, which are never printed"))
        .action(async (file: string, opts) => {
            findConventionalPackConfig(opts, []);
            const adoption = adoptionOf(opts);
            const config = packConfigOf({ profile: opts.profile, packConfigFile: opts.policyPackConfig });
            const packs = servedPacks(opts.policyPack);
            const state = readStackExport(file);
            const notice = noticeSink(opts.quiet);
            const encrypted = encryptedSecretsNotice(state);
            if (encrypted) {
                notice(`prodready: warning: ${visibleLine(encrypted)}`);
            }
            const progress = new Progress(progressStream(opts.quiet));
            const result = await judgeDeployed(state, { ...packs, packConfig: config, analyzer: opts.analyzer,
                onNotice: notice, ...progressReports(progress) })
                .finally(() => progress.done());
            setExit(emit(result, config, opts.format, opts.output, { kind: "state", target: file }, result.run, [packs.packDir, ...packs.otherPackDirs],
                displayPath(path.resolve(file), repositoryRoot()), runOptions(opts), adoption, notice));
        });
    const reportCommand = program.command("report")
        .description("report the policy results of a real `pulumi preview --policy-pack <pack> --event-log <file>`")
        .argument("<event-log>", "the file pulumi wrote with --event-log (JSON lines of engine events)")
        .addOption(single("--policy-pack <dir>", "the policy pack the preview ran (default: the prodready pack), for policy metadata and exemptions"))
        .addOption(single("--policy-pack-config <file>", "the policy-pack config the preview ran with (default: prodready.json in the working directory, when there is one)"))
        .addOption(formatOption())
        .addOption(outputOption());
    gateOptions().forEach((o) => reportCommand.addOption(o));
    adoptionOptions().forEach((o) => reportCommand.addOption(o));
    reportCommand.addHelpText("after", EXIT_CODES_HELP)
        .action(async (file: string, opts) => {
            findConventionalPackConfig(opts, []);
            const adoption = adoptionOf(opts);
            // Loaded for this command only, not on every start of the CLI.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { missingVerdicts, otherPacks, readEvents, reportFromEvents } = require("./report/event-log") as typeof import("./report/event-log");
            const events = readEvents(file);
            const report = reportFromEvents(events, {
                catalog: loadCatalog(),
                packDir: opts.policyPack ?? DEFAULT_PACK_DIR,
                packConfig: opts.policyPackConfig ? readPackConfig(opts.policyPackConfig) : undefined,
                configSource: opts.policyPackConfig,
                target: file,
            });
            // The engine's own step decides the ratchet and --changed-only.
            setExit(emitReport(adopted(report, adoption, changeFactsFromEvents(events), noticeSink(opts.quiet)), opts.format, opts.output, undefined, runOptions(opts)));
            const notice = noticeSink(opts.quiet);
            const others = otherPacks(events, report.pack);
            if (others.length > 0) {
                notice(`prodready: notice: the preview also ran ${others.join(", ")}; only ${visibleLine(`${report.pack.name}@${report.pack.version}`)} is reported`);
            }
            // Which policies the log holds no verdict of, after the report (an error stays the only line).
            for (const line of missingVerdicts(report)) {
                notice(`prodready: warning: ${line}`);
            }
        });
    program.command("policies")
        .description("list the pack's policies: name, enforcement level, severity, priority, checklist items and description")
        .addOption(single("--policy-pack <dir>", PACK_HELP))
        .addOption(single("--format <format>", "output format: text, or json ({pack, policies})", asIs, ["text", "json"]).default("text"))
        .action(async (opts) => {
            const pack = await describePack(opts.policyPack ?? DEFAULT_PACK_DIR);
            // The same fields, from the same function, as the report's list of policies.
            const policies = pack.policies.map((p) => reportPolicy(p, undefined)).sort((a, b) => a.name.localeCompare(b.name));
            process.stdout.write(opts.format === "json"
                ? JSON.stringify({ pack: { name: pack.name, version: pack.version }, policies }, null, 2) + "\n"
                : policyLines(pack, policies));
        });
    program.command("validate-config")
        .description("check a policy-pack config against the pack's policies and their config schemas, without running a program (exit 0 valid, 2 invalid)")
        .argument("<file>", "the JSON file --policy-pack-config and pulumi preview --policy-pack-config take")
        .addOption(single("--policy-pack <dir>", PACK_HELP))
        .addOption(single("--profile <name>", "check the file over this profile, as a run with both reads them"))
        .option("-q, --quiet", "print nothing when the config is valid")
        .action(async (file: string, opts) => {
            const configured = await checkPackConfig({ packDir: opts.policyPack, packConfig: packConfigOf({ packConfigFile: file, profile: opts.profile }), onNotice: noticeSink(opts.quiet) });
            const levels = Object.values(configured.levels);
            const count = (level: string) => levels.filter((l) => l === level).length;
            if (!opts.quiet) {
                process.stdout.write(visibleLine(`${file}: valid for ${configured.pack.name}@v${configured.pack.version}: ` +
                    `${levels.length} policies, ${count("mandatory")} mandatory, ${count("advisory")} advisory, ${count("remediate")} remediate, ${count("disabled")} disabled`) + "\n");
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
