import * as path from "path";
import { AnalyzerHost, startAnalyzer } from "./analyzer/host";
import { InProcessUnavailable, startInProcessAnalyzer } from "./analyzer/in-process";
import { analyzeRun, ConfiguredPack, configurePack } from "./analyzer/session";
import type { Analysis, PackInfo } from "./report/analysis";
import { loadProject, ProgramOptions, Project, runProgram } from "./program";
import { withDefaultProviders } from "./analyzer/default-providers";
import { UNKNOWN } from "./values";
import { noticeToStderr } from "./program/project";
import { killAllChildren } from "./program/child-processes";
import { locateConfigFileObjects } from "./program/config-file-sources";
import type { ProgramRun } from "./program/records";
import { PolicyConfigError, resolvePolicyConfig, unknownsAllowed } from "./pack/config";
import type { PackConfig } from "./pack/config-file";
import { resourceExemptionProblems } from "./pack/exemptions";
import { DEFAULT_PACK_DIR, loadPack, loadPackGrammar } from "./pack/load";
import { redactError, redactor, redactResult, secretTexts } from "./report/redaction";
import { deployedSecretTexts } from "./state/deployed-run";

export interface PreviewOptions extends ProgramOptions {
    packDir?: string;
    /** Other packs that run beside it, with their own defaults, as `pulumi preview` runs several packs (see servedPacks). */
    otherPackDirs?: readonly string[];
    /**
     * The run's policy-pack config, read once by the command (src/pack/config-file.ts); unset: the
     * pack's own defaults. A preview calls a reader after checking the programs' projects, whose errors come first.
     */
    packConfig?: PackConfig | (() => PackConfig);
    /** Told how many resources the pack has judged, of all. */
    onJudged?: (done: number, total: number) => void;
}

export interface PreviewResult extends Analysis {
    run: ProgramRun;
    /** The (first) program's directory. */
    programDir: string;
    /** Set when several programs ran as one estate: each one's stack. */
    programs?: ProgramSection[];
}

/** A started pack whose config was checked and applied. */
interface OpenPack {
    host: AnalyzerHost;
    configured: ConfiguredPack;
}

/** Where the pack runs: its own process over gRPC (as the engine runs it), or in this process. */
export type AnalyzerMode = "grpc" | "in-process";

/** The pack in this process where it can be (the prodready pack on its pinned SDK), else as a process. */
async function startPack(packDir: string, mode: AnalyzerMode, notice: (line: string) => void): Promise<AnalyzerHost> {
    if (mode === "in-process") {
        try {
            return startInProcessAnalyzer(packDir);
        } catch (err) {
            if (!(err instanceof InProcessUnavailable)) {
                throw err;
            }
            if (/@pulumi\/policy is/.test(err.message)) {
                notice(`prodready: notice: ${err.message}; serving the pack as a process`);
            }
        }
    }
    return startAnalyzer(packDir);
}

/** Starts the pack and configures it; a config it rejects stops it and throws PolicyConfigError. */
async function openPack(packDir: string, packConfig: unknown, configSource: string | undefined, mode: AnalyzerMode = "grpc", notice: (line: string) => void = noticeToStderr): Promise<OpenPack> {
    const host = await startPack(packDir, mode, notice);
    try {
        return { host, configured: await configurePack(host, packConfig, configSource) };
    } catch (err) {
        await host.stop();
        throw err;
    }
}

/** Judges recorded resources with an open pack, then stops it; exemptions written on resources are checked too. */
async function judgeWith(open: OpenPack, run: ProgramRun, packDir: string, config: Record<string, string> | undefined, onJudged?: PreviewOptions["onJudged"]): Promise<Analysis> {
    let analysis: Analysis;
    try {
        analysis = await analyzeRun(open.host, run, { configured: open.configured, config, onJudged });
    } finally {
        await open.host.stop();
    }
    // Exemptions written on resources are config too: a wrong one is an error, not a silent no-op.
    const grammar = loadPackGrammar(packDir);
    const problems = grammar ? resourceExemptionProblems(grammar, run.resources, new Set(analysis.pack.policies.map((p) => p.name))) : [];
    if (problems.length > 0) {
        throw new PolicyConfigError(`exemption on a resource: ${problems.join("; ")}`);
    }
    return analysis;
}

/**
 * The packs of a run from the `--policy-pack` directories given: prodready's own pack, and the others
 * beside it. A directory that holds prodready's own pack (a copy, a development build) takes the
 * built-in one's place, and with it the run's policy-pack config; the others run with their own
 * defaults, as `pulumi preview --policy-pack` runs a pack it has no config for.
 */
export function servedPacks(given: readonly string[] = []): { packDir: string; otherPackDirs: string[] } {
    const dirs = given.map((d) => path.resolve(d));
    const twice = dirs.find((d, i) => dirs.indexOf(d) !== i);
    if (twice !== undefined) {
        throw new PolicyConfigError(`the policy pack ${twice} is given twice to --policy-pack`);
    }
    if (dirs.length === 0) {
        // Nothing to tell apart: the pack's modules load later, for the report, and only once.
        return { packDir: DEFAULT_PACK_DIR, otherPackDirs: [] };
    }
    const own = loadPack(DEFAULT_PACK_DIR)?.identity().name;
    const ownDirs = new Map(dirs.map((dir) => [dir, dir === DEFAULT_PACK_DIR || (own !== undefined && loadPack(dir)?.identity().name === own)]));
    const isOwn = (dir: string) => ownDirs.get(dir) === true;
    const owns = dirs.filter(isOwn);
    if (owns.length > 1) {
        throw new PolicyConfigError(`--policy-pack gives prodready's own pack twice (${owns.join(", ")}): give one`);
    }
    return { packDir: owns[0] ?? DEFAULT_PACK_DIR, otherPackDirs: dirs.filter((d) => !isOwn(d)) };
}

/** Opens every pack; if one fails, stops those already open and throws its error. */
async function openPacks(packDir: string, packConfig: unknown, configSource: string | undefined, others: readonly string[], mode: AnalyzerMode, notice?: (line: string) => void): Promise<OpenPack[]> {
    const opened = await Promise.allSettled([openPack(packDir, packConfig, configSource, mode, notice),
        ...others.map((dir) => openPack(dir, undefined, `default config of the policy pack ${dir}`, mode, notice))]);
    const failed = opened.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failed) {
        await Promise.all(opened.map((o) => (o.status === "fulfilled" ? o.value.host.stop() : undefined)));
        throw failed.reason;
    }
    return opened.map((o) => (o as PromiseFulfilledResult<OpenPack>).value);
}

/** Judges with every open pack (the run's own first), then merges their analyses into one. */
async function judgeWithAll(open: readonly OpenPack[], run: ProgramRun, dirs: readonly string[], config: Record<string, string> | undefined, onJudged?: PreviewOptions["onJudged"]): Promise<Analysis> {
    // Progress counts the run's own pack; the others judge the same resources beside it.
    const settled = await Promise.allSettled(open.map((o, i) => judgeWith(o, run, dirs[i], config, i === 0 ? onJudged : undefined)));
    const failed = settled.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failed) {
        throw failed.reason;
    }
    const [own, ...others] = settled.map((o) => (o as PromiseFulfilledResult<Analysis>).value);
    return mergeAnalyses(own, others);
}

/**
 * One analysis of a run several packs judged: the run's own pack's, with the other packs' policies,
 * findings and answers marked with their pack. The other packs ran with their defaults, so what
 * their schemas let pass (`allowUnknown`) is read from those. The report names policies by name, so
 * two packs may not share one.
 */
export function mergeAnalyses(own: Analysis, others: readonly Analysis[]): Analysis {
    if (others.length === 0) {
        return own;
    }
    const packOf = new Map(own.pack.policies.map((p) => [p.name, own.pack.name]));
    const names = new Set([own.pack.name]);
    for (const other of others) {
        if (names.has(other.pack.name)) {
            throw new PolicyConfigError(`two policy packs are named ${other.pack.name}: the report tells packs apart by name`);
        }
        names.add(other.pack.name);
        for (const p of other.pack.policies) {
            const first = packOf.get(p.name);
            if (first !== undefined) {
                throw new PolicyConfigError(`policy "${p.name}" is in both ${first} and ${other.pack.name}: the report names policies by name, so one pack must rename it`);
            }
            packOf.set(p.name, other.pack.name);
        }
    }
    const mark = <T>(items: readonly T[], pack: string) => items.map((item) => ({ ...item, pack }));
    return {
        ...own,
        pack: { ...own.pack, policies: [...own.pack.policies, ...others.flatMap((o) => mark(o.pack.policies, o.pack.name))] },
        packs: [own, ...others].map((a) => ({ name: a.pack.name, version: a.pack.version })),
        findings: [...own.findings, ...others.flatMap((o) => mark(o.findings, o.pack.name))],
        notApplicable: [...own.notApplicable, ...others.flatMap((o) => mark(o.notApplicable, o.pack.name))],
        levels: Object.assign({}, own.levels, ...others.map((o) => o.levels)),
        allowUnknown: [...(own.allowUnknown ?? []), ...others.flatMap((o) => unknownsAllowed(resolvePolicyConfig(o.pack.policies, undefined)))],
        durationMillis: Math.max(own.durationMillis, ...others.map((o) => o.durationMillis)),
    };
}

/** The policies of the run's own pack in an analysis, as its policy-pack config names them. */
export function ownPolicies(analysis: Analysis): Analysis["pack"]["policies"] {
    return analysis.pack.policies.filter((p) => p.pack === undefined);
}

/** Judges a set of already recorded resources with a pack (and any beside it): shared by the preview and manifest modes. */
export async function judge(run: ProgramRun, options: { packDir?: string; otherPackDirs?: readonly string[]; packConfig?: PackConfig; config?: Record<string, string>; analyzer?: AnalyzerMode; onJudged?: PreviewOptions["onJudged"]; onNotice?: (line: string) => void }): Promise<Analysis> {
    const { packConfig, configSource } = options.packConfig ?? {};
    const packDir = options.packDir ?? DEFAULT_PACK_DIR;
    const others = options.otherPackDirs ?? [];
    const open = await openPacks(packDir, packConfig, configSource, others, options.analyzer ?? "grpc", options.onNotice);
    return judgeWithAll(open, run, [packDir, ...others], options.config, options.onJudged);
}

/** The pack's description of itself (its GetAnalyzerInfo answer), loaded the way a run loads it, without running anything. */
export async function describePack(packDir: string = DEFAULT_PACK_DIR, onNotice?: (line: string) => void): Promise<PackInfo> {
    const open = await openPack(packDir, undefined, undefined, "in-process", onNotice);
    await open.host.stop();
    return open.configured.pack;
}

/**
 * Checks a policy-pack config (a file, a profile, or a file over a profile) the way a run does,
 * against the pack's own policies and config schemas, without running a program: throws
 * PolicyConfigError naming the fault.
 */
export async function checkPackConfig(options: { packDir?: string; packConfig?: PackConfig; onNotice?: (line: string) => void }): Promise<ConfiguredPack> {
    const { packConfig, configSource } = options.packConfig ?? {};
    const open = await openPack(options.packDir ?? DEFAULT_PACK_DIR, packConfig, configSource, "in-process", options.onNotice);
    await open.host.stop();
    return open.configured;
}

/** Runs a Pulumi program without a cloud and serves the pack to it the way `pulumi preview --policy-pack` does. */
export async function preview(programDir: string, options: PreviewOptions = {}): Promise<PreviewResult> {
    return previewPrograms([programDir], options);
}

/** One program of a run that previewed several. */
export interface ProgramSection {
    programDir: string;
    project: string;
    stack: string;
    /** The resources it registered (default providers included). */
    resources: number;
}

/**
 * The resources of several programs as one run, each program's default providers made explicit from
 * its own stack config (the engine gives each stack its own), so that one pack judges them all and
 * its stack policies see every stack at once.
 */
function oneRun(runs: readonly ProgramRun[], projects: readonly Project[]): ProgramRun {
    const resources = runs.flatMap((run, i) => {
        const { resources: all, providerOf } = withDefaultProviders(run, projects[i].config);
        // The reference's ID part is not read: the provider is found by its URN.
        return all.map((r) => (!r.provider && providerOf.has(r.urn) ? { ...r, provider: `${providerOf.get(r.urn)!.urn}::${UNKNOWN}` } : r));
    });
    const union = (items: Array<readonly string[] | undefined>) => [...new Set(items.flatMap((i) => i ?? []))].sort();
    return {
        project: projects.map((p) => p.name).join(", "),
        stack: projects.map((p) => p.stack).join(", "),
        resources,
        unansweredInvokes: union(runs.map((r) => r.unansweredInvokes)),
        unexpanded: runs.flatMap((r) => r.unexpanded ?? []),
        standInFunctions: union(runs.map((r) => r.standInFunctions)),
        standInResources: runs.flatMap((r) => r.standInResources ?? []),
    };
}

/**
 * Runs several Pulumi programs without a cloud and judges them with one pack process, as one
 * estate: each resource is analyzed as its own stack's, and the stack policies see the resources of
 * every program together (an alarm in a monitoring stack covers a load balancer in an app stack).
 * With one program this is `pulumi preview --policy-pack`.
 */
export async function previewPrograms(programDirs: readonly string[], options: PreviewOptions = {}): Promise<PreviewResult> {
    const projects = programDirs.map((dir) => loadProject(dir, options));
    if (options.state && projects.length > 1) {
        throw new PolicyConfigError("--state is the last state of one stack: give it with one program");
    }
    const names = projects.map((p) => `${p.name}/${p.stack}`);
    const twice = names.findIndex((n, i) => names.indexOf(n) !== i);
    if (twice >= 0) {
        throw new PolicyConfigError(`${projects[names.indexOf(names[twice])].dir} and ${projects[twice].dir} are both stack ${names[twice]}: their resources would have the same URNs`);
    }
    const project = projects[0];
    if (options.state && options.state.project !== project.name) {
        // URNs name the project: every resource would read as created, every deployed one as deleted.
        throw new PolicyConfigError(`the stack export ${options.state.file} is of project "${options.state.project}", the program in ${project.dir} is project "${project.name}"`);
    }
    // Read the config before running anything, so a bad file fails fast.
    const { packConfig, configSource } = (typeof options.packConfig === "function" ? options.packConfig() : options.packConfig) ?? {};
    const packDir = options.packDir ?? DEFAULT_PACK_DIR;
    // The pack starts and checks its config while the programs run, as the engine starts analyzers
    // before the program: a config the pack rejects fails the run at once, not after the programs.
    const registered = projects.map(() => 0);
    const onRegistered = options.onRegistered && ((i: number, count: number) => {
        registered[i] = count;
        options.onRegistered!(registered.reduce((a, b) => a + b, 0));
    });
    const programs = projects.map((p, i) => runProgram(p, { ...options, onRegistered: onRegistered && ((count) => onRegistered(i, count)) }));
    programs.forEach((program) => program.catch(() => undefined)); // awaited below; a config error may end the run first
    const others = options.otherPackDirs ?? [];
    let open: OpenPack[];
    try {
        open = await openPacks(packDir, packConfig, configSource, others, "grpc", options.onNotice);
    } catch (err) {
        killAllChildren();
        throw err;
    }
    let runs: ProgramRun[];
    try {
        runs = await Promise.all(programs);
    } catch (err) {
        if (programs.length > 1) {
            // The first program that failed ends the run; the others are stopped with it.
            killAllChildren();
        }
        await Promise.all(open.map((o) => o.host.stop()));
        throw err;
    }
    runs = runs.map((r, i) => ({ ...r, resources: locateConfigFileObjects(r.resources, projects[i].dir) }));
    const run = projects.length === 1 ? runs[0] : oneRun(runs, projects);
    // The one place secrets are taken out: every report format reads this result only.
    const redact = redactor([...projects.flatMap((p, i) => secretTexts(runs[i].resources, p.config, p.secretKeys)), ...(options.state ? deployedSecretTexts(options.state) : [])]);
    // Several programs' default providers are already made, each from its own stack's config.
    const config = projects.length === 1 ? project.config : {};
    const analysis = await judgeWithAll(open, run, [packDir, ...others], config, options.onJudged).catch((err) => { throw redactError(err, redact); });
    const sections = projects.length === 1 ? {} : {
        programs: projects.map((p, i) => ({ programDir: p.dir, project: p.name, stack: p.stack, resources: withDefaultProviders(runs[i], p.config).resources.length })),
    };
    return redactResult({ ...analysis, run, programDir: project.dir, ...sections }, redact);
}
