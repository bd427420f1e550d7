import * as fs from "fs";
import * as path from "path";
import { PolicyConfigError } from "./analyzer/config";
import { startAnalyzer } from "./analyzer/host";
import { Analysis, analyzeRun } from "./analyzer/session";
import { loadProject, ProgramOptions, runProgram } from "./program";
import type { ProgramRun } from "./program/records";
import { loadPackGrammar, resourceExemptionProblems } from "./exemptions/resources";
import { packageRoot } from "./paths";

/** The pack that ships with prodready. */
export const DEFAULT_PACK_DIR = path.join(packageRoot(), "policies");

/** Reads a policy-pack config file (the same JSON `pulumi preview --policy-pack-config` takes). */
export function readPackConfig(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        throw new PolicyConfigError(`cannot read policy-pack config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    try {
        return JSON.parse(text);
    } catch (err) {
        throw new PolicyConfigError(`policy-pack config ${file} is not valid JSON: ${(err as Error).message}`);
    }
}

export interface PreviewOptions extends ProgramOptions {
    packDir?: string;
    packConfigFile?: string;
}

export interface PreviewResult extends Analysis {
    run: ProgramRun;
    programDir: string;
}

/** Judges a set of already recorded resources with a pack: shared by the preview and manifest modes. */
export async function judge(run: ProgramRun, options: { packDir?: string; packConfigFile?: string; config?: Record<string, string> }): Promise<Analysis> {
    const packConfig = options.packConfigFile ? readPackConfig(options.packConfigFile) : undefined;
    const packDir = options.packDir ?? DEFAULT_PACK_DIR;
    const host = await startAnalyzer(packDir);
    let analysis: Analysis;
    try {
        analysis = await analyzeRun(host, run, { packConfig, configSource: options.packConfigFile, config: options.config });
    } finally {
        await host.stop();
    }
    // Exemptions written on resources are config too: a wrong one is an error, not a silent no-op.
    const grammar = loadPackGrammar(packDir);
    const problems = grammar ? resourceExemptionProblems(grammar, run.resources, new Set(analysis.pack.policies.map((p) => p.name))) : [];
    if (problems.length > 0) {
        throw new PolicyConfigError(`exemption on a resource: ${problems.join("; ")}`);
    }
    return analysis;
}

/** Runs a Pulumi program without a cloud and serves the pack to it the way `pulumi preview --policy-pack` does. */
export async function preview(programDir: string, options: PreviewOptions = {}): Promise<PreviewResult> {
    const project = loadProject(programDir, options);
    // Read the config before running anything, so a bad file fails fast.
    if (options.packConfigFile) {
        readPackConfig(options.packConfigFile);
    }
    const run = await runProgram(project, options);
    const analysis = await judge(run, { packDir: options.packDir, packConfigFile: options.packConfigFile, config: project.config });
    return { ...analysis, run, programDir: project.dir };
}
