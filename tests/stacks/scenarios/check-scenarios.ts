// Each scenario triggers exactly its listed violations. The scenarios are split over a few test
// files (scenarios/part-N.test.ts) so that jest's workers share them: each is a full preview.
import * as fs from "fs";
import * as path from "path";
import { violationPairs } from "../../../src/report/model";
import { loadScenario, Scenario } from "../../../stacks/scenario";
import { locateProviderPlugin } from "../../../src/program/provider-plugins";
import { sourceLocations } from "../../../src/report/locations";
import { comparableVerdicts, previewReferenceRun, ROOT, sharedAnalyzer, sharedWarmPrograms } from "../../harness/stack";
import { startInProcessAnalyzer } from "../../../src/analyzer/in-process";
import { analyzeRun } from "../../../src/analyzer/session";
import { DEFAULT_PACK_DIR } from "../../../src/pack/load";

/** The test files that split the scenarios between them, named part-1 … part-N. */
export const PARTS = 4;

export function scenarioNames(): string[] {
    return fs.readdirSync(path.join(ROOT, "stacks", "scenarios"))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => f.replace(/\.ts$/, ""))
        .sort();
}

/**
 * The provider plugins a component scenario needs that cannot be found. CI builds them before the
 * tests, so there none is ever missing: a run that cannot find one fails instead of skipping.
 */
function missingPlugins(scenario: Scenario): string[] {
    if (process.env.CI) {
        return [];
    }
    return (scenario.components ?? []).filter((pkg) => !locateProviderPlugin(pkg, require(`@pulumi/${pkg}/package.json`).version));
}

/** Declares the tests of one part: the scenarios whose index modulo PARTS is `part - 1`. */
export function checkScenarios(part: number): void {
    const analyzer = sharedAnalyzer();
    // The SDKs load once per warm process, not once per scenario; tests/stacks/warm-programs.test.ts
    // shows such a run registers what a new process registers, and the engine suites run every
    // scenario as `pulumi preview` does.
    const programs = sharedWarmPrograms();
    const names = scenarioNames().filter((_, i) => i % PARTS === part - 1);

    describe(`scenarios, part ${part} of ${PARTS}`, () => {
        it("has scenarios, and every part has its test file", () => {
            expect(names.length).toBeGreaterThan(0);
            const files = fs.readdirSync(__dirname).filter((f) => /^part-\d+\.test\.ts$/.test(f)).sort();
            expect(files).toEqual(Array.from({ length: PARTS }, (_, i) => `part-${i + 1}.test.ts`).sort());
        });

        test.concurrent.each(names)("%s triggers exactly its listed violations", async (name) => {
            const scenario = loadScenario(name);
            const missing = missingPlugins(scenario);
            if (missing.length > 0) {
                console.log(`scenario ${name} skipped: the ${missing.join(", ")} provider plugin is missing (scripts/install-kubernetes-provider.sh)`);
                return;
            }
            const { analysis, run, config } = await previewReferenceRun(analyzer(), name, undefined, programs);
            const expected = [...new Set(scenario.violations.map(([policy, resource]) => `${policy}\u0000${resource}`))]
                .sort().map((p) => p.split("\u0000"));
            expect(violationPairs(analysis)).toEqual(expected);
            expect(analysis.findings.filter((f) => f.outcome === "unknown").map((f) => `${f.policy} ${f.name}`)).toEqual([]);
            // Each violation points at the line of the program that declares its resource.
            const locations = sourceLocations(run.resources, ROOT);
            const declarations = analysis.findings.filter((f) => f.urn).map((f) => {
                const at = locations.get(f.urn!);
                const line = at ? fs.readFileSync(path.join(ROOT, at.file), "utf8").split("\n")[at.line - 1] : undefined;
                // The SDK's frame parser skips anonymous functions, so `list.forEach((i) => new X(...))`
                // points at the `forEach` call on the same line: the `new` follows the column either way.
                return { resource: f.name, file: at?.file.split("/")[0], declares: line?.slice((at?.column ?? 1) - 1).includes("new ") };
            });
            expect(declarations.filter((d) => d.file !== "stacks" || !d.declares)).toEqual([]);
            // The pack served in this process (the fast path of the manifest mode) reaches the same verdicts.
            const inProcess = await analyzeRun(startInProcessAnalyzer(DEFAULT_PACK_DIR), run, { config });
            expect(comparableVerdicts(inProcess)).toEqual(comparableVerdicts(analysis));
        });
    });
}
