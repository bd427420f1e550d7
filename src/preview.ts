import * as fs from "fs";
import * as path from "path";
import { jsonErrorLine, PolicyConfigError, resolvePolicyConfig, unknownsAllowed } from "./analyzer/config";
import { AnalyzerHost, startAnalyzer } from "./analyzer/host";
import { InProcessUnavailable, startInProcessAnalyzer } from "./analyzer/in-process";
import { analyzeRun, ConfiguredPack, configurePack } from "./analyzer/session";
import type { Analysis, PackInfo } from "./report/analysis";
import { loadProject, ProgramOptions, runProgram } from "./program";
import { noticeToStderr } from "./program/project";
import { killAllChildren } from "./program/child-processes";
import { locateConfigFileObjects } from "./program/config-file-sources";
import type { ProgramRun } from "./program/records";
import { loadPackGrammar, resourceExemptionProblems } from "./exemptions/resources";
import { packageRoot } from "./paths";
import { loadPack } from "./report/pack";
import { redactError, redactor, redactResult, secretTexts } from "./report/redaction";

/** The pack that ships with prodready. */
export const DEFAULT_PACK_DIR = path.join(packageRoot(), "policies");

/** Reads a policy-pack config file (the same JSON `pulumi preview --policy-pack-config` takes). */
export function readPackConfig(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new PolicyConfigError(`cannot read policy-pack config ${file}: ${code === "EISDIR" ? "EISDIR (it is a directory)" : code ?? (err as Error).message}`);
    }
    // Editors on Windows save a byte-order mark; JSON.parse would refuse it.
    text = text.replace(/^\uFEFF/, "");
    try {
        return JSON.parse(text);
    } catch {
        // The parser's message quotes the file, which may hold secrets: name the line, not the text.
        const line = jsonErrorLine(text);
        throw new PolicyConfigError(`policy-pack config ${file} is not valid JSON${line === undefined ? ": it ends early" : ` at line ${line}`}`);
    }
}

export interface PreviewOptions extends ProgramOptions {
    packDir?: string;
    /** Other packs that run beside it, with their own defaults, as `pulumi preview` runs several packs (see servedPacks). */
    otherPackDirs?: readonly string[];
    packConfigFile?: string;
    /** A ready-made config of profiles/ (checklists, pss-baseline, pss-restricted); packConfigFile's entries override its. */
    profile?: string;
    /** Told how many resources the pack has judged, of all. */
    onJudged?: (done: number, total: number) => void;
}

/** The ready-made policy-pack configs: profiles/<name>.json, plain `--policy-pack-config` files. */
export const PROFILES_DIR = path.join(packageRoot(), "profiles");

export function profileNames(): string[] {
    return fs.readdirSync(PROFILES_DIR).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();
}

/** Reads profiles/<name>.json; an unknown name is an error listing the available ones. */
export function readProfile(name: string): unknown {
    const names = profileNames();
    if (!names.includes(name)) {
        throw new PolicyConfigError(`unknown profile "${name}" (available: ${names.join(", ")})`);
    }
    return readPackConfig(path.join(PROFILES_DIR, `${name}.json`));
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A profile with a config file over it: for each policy, the file's level and settings replace the
 * profile's one by one (`"advisory"` changes only the level); the file's `all` replaces the profile's.
 */
export function overlayPackConfig(profile: unknown, file: unknown): unknown {
    if (!isObject(profile) || !isObject(file)) {
        return file; // the config resolution reports the malformed one
    }
    const asEntry = (value: unknown) => (typeof value === "string" ? { enforcementLevel: value } : value);
    const merged: Record<string, unknown> = { ...profile };
    for (const [key, value] of Object.entries(file)) {
        const base = asEntry(profile[key]);
        const over = asEntry(value);
        merged[key] = key !== "all" && isObject(base) && isObject(over) ? { ...base, ...over } : value;
    }
    return merged;
}

/** The policy-pack config of a run (a profile, a file, or a file over a profile) and how errors name it. */
export function packConfigOf(options: { profile?: string; packConfigFile?: string }): { packConfig: unknown; configSource?: string } {
    const file = options.packConfigFile ? readPackConfig(options.packConfigFile) : undefined;
    if (!options.profile) {
        return { packConfig: file, configSource: options.packConfigFile };
    }
    const profile = readProfile(options.profile);
    return options.packConfigFile
        ? { packConfig: overlayPackConfig(profile, file), configSource: `${options.packConfigFile} over profile ${options.profile}` }
        : { packConfig: profile, configSource: `profile ${options.profile}` };
}

export interface PreviewResult extends Analysis {
    run: ProgramRun;
    programDir: string;
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
export async function judge(run: ProgramRun, options: { packDir?: string; otherPackDirs?: readonly string[]; packConfigFile?: string; profile?: string; config?: Record<string, string>; analyzer?: AnalyzerMode; onJudged?: PreviewOptions["onJudged"]; onNotice?: (line: string) => void }): Promise<Analysis> {
    const { packConfig, configSource } = packConfigOf(options);
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
export async function checkPackConfig(options: { packDir?: string; packConfigFile?: string; profile?: string; onNotice?: (line: string) => void }): Promise<ConfiguredPack> {
    const { packConfig, configSource } = packConfigOf(options);
    const open = await openPack(options.packDir ?? DEFAULT_PACK_DIR, packConfig, configSource, "in-process", options.onNotice);
    await open.host.stop();
    return open.configured;
}

/** Runs a Pulumi program without a cloud and serves the pack to it the way `pulumi preview --policy-pack` does. */
export async function preview(programDir: string, options: PreviewOptions = {}): Promise<PreviewResult> {
    const project = loadProject(programDir, options);
    // Read the config before running anything, so a bad file fails fast.
    const { packConfig, configSource } = packConfigOf(options);
    const packDir = options.packDir ?? DEFAULT_PACK_DIR;
    // The pack starts and checks its config while the program runs, as the engine starts analyzers
    // before the program: a config the pack rejects fails the run at once, not after the program.
    const program = runProgram(project, options);
    program.catch(() => undefined); // awaited below; a config error may end the run first
    const others = options.otherPackDirs ?? [];
    let open: OpenPack[];
    try {
        open = await openPacks(packDir, packConfig, configSource, others, "grpc", options.onNotice);
    } catch (err) {
        killAllChildren();
        throw err;
    }
    let run: ProgramRun;
    try {
        run = await program;
    } catch (err) {
        await Promise.all(open.map((o) => o.host.stop()));
        throw err;
    }
    run = { ...run, resources: locateConfigFileObjects(run.resources, project.dir) };
    // The one place secrets are taken out: every report format reads this result only.
    const redact = redactor(secretTexts(run.resources, project.config, project.secretKeys));
    const analysis = await judgeWithAll(open, run, [packDir, ...others], project.config, options.onJudged).catch((err) => { throw redactError(err, redact); });
    return redactResult({ ...analysis, run, programDir: project.dir }, redact);
}
