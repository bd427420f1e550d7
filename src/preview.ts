import * as fs from "fs";
import * as path from "path";
import { jsonErrorLine, PolicyConfigError } from "./analyzer/config";
import { AnalyzerHost, startAnalyzer } from "./analyzer/host";
import { InProcessUnavailable, startInProcessAnalyzer } from "./analyzer/in-process";
import { analyzeRun, ConfiguredPack, configurePack } from "./analyzer/session";
import type { Analysis } from "./report/analysis";
import { loadProject, ProgramOptions, runProgram } from "./program";
import { killAllChildren } from "./program/child-processes";
import { locateConfigFileObjects } from "./program/config-file-sources";
import type { ProgramRun } from "./program/records";
import { loadPackGrammar, resourceExemptionProblems } from "./exemptions/resources";
import { packageRoot } from "./paths";
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
async function startPack(packDir: string, mode: AnalyzerMode): Promise<AnalyzerHost> {
    if (mode === "in-process") {
        try {
            return startInProcessAnalyzer(packDir);
        } catch (err) {
            if (!(err instanceof InProcessUnavailable)) {
                throw err;
            }
            if (/@pulumi\/policy is/.test(err.message)) {
                process.stderr.write(`prodready: notice: ${err.message}; serving the pack as a process\n`);
            }
        }
    }
    return startAnalyzer(packDir);
}

/** Starts the pack and configures it; a config it rejects stops it and throws PolicyConfigError. */
async function openPack(packDir: string, packConfig: unknown, configSource: string | undefined, mode: AnalyzerMode = "grpc"): Promise<OpenPack> {
    const host = await startPack(packDir, mode);
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

/** Judges a set of already recorded resources with a pack: shared by the preview and manifest modes. */
export async function judge(run: ProgramRun, options: { packDir?: string; packConfigFile?: string; profile?: string; config?: Record<string, string>; analyzer?: AnalyzerMode; onJudged?: PreviewOptions["onJudged"] }): Promise<Analysis> {
    const { packConfig, configSource } = packConfigOf(options);
    const packDir = options.packDir ?? DEFAULT_PACK_DIR;
    return judgeWith(await openPack(packDir, packConfig, configSource, options.analyzer), run, packDir, options.config, options.onJudged);
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
    let open: OpenPack;
    try {
        open = await openPack(packDir, packConfig, configSource);
    } catch (err) {
        killAllChildren();
        throw err;
    }
    let run: ProgramRun;
    try {
        run = await program;
    } catch (err) {
        await open.host.stop();
        throw err;
    }
    run = { ...run, resources: locateConfigFileObjects(run.resources, project.dir) };
    // The one place secrets are taken out: every report format reads this result only.
    const redact = redactor(secretTexts(run.resources, project.config, project.secretKeys));
    const analysis = await judgeWith(open, run, packDir, project.config, options.onJudged).catch((err) => { throw redactError(err, redact); });
    return redactResult({ ...analysis, run, programDir: project.dir }, redact);
}
