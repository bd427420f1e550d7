// Previews the reference stack and its scenarios through the embedded preview, sharing one
// analyzer process per test file the way one engine run shares it across resources.
import * as path from "path";
import { startAnalyzer, AnalyzerHost } from "../../src/analyzer/host";
import { analyzeRun } from "../../src/analyzer/session";
import type { Analysis } from "../../src/report/analysis";
import { loadProject, nodeLaunch, runProgram } from "../../src/program";
import { launch } from "../../src/program/launcher";
import { DEFAULT_PACK_DIR } from "../../src/pack/load";
import type { ProgramRun } from "../../src/program/records";
import { WarmPrograms } from "./warm-programs";

export const ROOT = path.resolve(__dirname, "..", "..");

export function sharedAnalyzer(): () => AnalyzerHost {
    let host: AnalyzerHost | undefined;
    beforeAll(async () => { host = await startAnalyzer(DEFAULT_PACK_DIR); });
    afterAll(async () => { await host?.stop(); });
    return () => {
        if (!host) {
            throw new Error("the analyzer did not start");
        }
        return host;
    };
}

/** Warm program processes for the reference stack's runs in one test file, ended after it. */
export function sharedWarmPrograms(): WarmPrograms {
    const programs = new WarmPrograms();
    afterAll(() => programs.stop());
    return programs;
}

/** Previews the reference stack, optionally as a scenario, with an optional policy-pack config. */
export async function previewReference(host: AnalyzerHost, scenario?: string, packConfig?: unknown): Promise<Analysis> {
    return (await previewReferenceRun(host, scenario, packConfig)).analysis;
}

/**
 * previewReference, with the resources the program registered. The program runs as the embedded
 * preview runs it, a new process per run, or in one of `warm`'s processes.
 */
export async function previewReferenceRun(host: AnalyzerHost, scenario?: string, packConfig?: unknown, warm?: WarmPrograms): Promise<{ analysis: Analysis; run: ProgramRun; config: Record<string, string> }> {
    const project = referenceProject(scenario);
    const run = warm ? await launch(project, {}, warm.launch(nodeLaunch(project))) : await runProgram(project);
    return { analysis: await analyzeRun(host, run, { config: project.config, packConfig }), run, config: project.config };
}

function referenceProject(scenario: string | undefined) {
    return loadProject(ROOT, { config: scenario ? { "prodready:scenario": scenario } : {} });
}

/** What the reference stack registers as each scenario (undefined: as itself), run one after another in one warm process. */
export async function referenceRuns(scenarios: ReadonlyArray<string | undefined>): Promise<ProgramRun[]> {
    const warm = new WarmPrograms();
    try {
        const runs: ProgramRun[] = [];
        for (const scenario of scenarios) {
            const project = referenceProject(scenario);
            runs.push(await launch(project, {}, warm.launch(nodeLaunch(project))));
        }
        return runs;
    } finally {
        warm.stop();
    }
}

/** What two analyses of one run must share to be the same verdicts, in a stable order. */
export function comparableVerdicts(analysis: Analysis) {
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return {
        findings: analysis.findings.map((f) => JSON.stringify(f)).sort(order),
        notApplicable: analysis.notApplicable.map((n) => JSON.stringify(n)).sort(order),
        levels: analysis.levels,
        policies: analysis.pack.policies.map((p) => p.name),
        resources: analysis.resources,
    };
}
