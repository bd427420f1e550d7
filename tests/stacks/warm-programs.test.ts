// A warm program process (tests/harness/warm-programs.ts), which the scenario suites run their
// programs in, registers exactly what a new process per run registers, run after run, and fails
// the way a new process fails.
import { loadProject, nodeLaunch, runProgram } from "../../src/program";
import { launch } from "../../src/program/launcher";
import { locateProviderPlugin } from "../../src/program/provider-plugins";
import type { ProgramRun } from "../../src/program/records";
import { ROOT, sharedWarmPrograms } from "../harness/stack";

/** A patched resource, an added one, a left-out one, and (where its plugin is) a component built by a provider. */
const SCENARIOS = [
    "aws-data-backup-single-region",
    "aws-data-side-stores",
    "aws-data-backup-unselected",
    ...(process.env.CI || locateProviderPlugin("kubernetes", require("@pulumi/kubernetes/package.json").version) ? ["k8s-component-configgroup-v2"] : []),
];

/** A run's registrations, whatever order they arrived in: the program's outputs resolve asynchronously. */
function registrations(run: ProgramRun): string[] {
    return run.resources.map((r) => JSON.stringify(r)).sort();
}

/** The rest of a run's record, in an order that does not depend on that either. */
function rest(run: ProgramRun) {
    return { ...run, resources: [], standInResources: [...run.standInResources ?? []].sort() };
}

function project(scenario: string) {
    return loadProject(ROOT, { config: { "prodready:scenario": scenario } });
}

describe("a warm program process", () => {
    const programs = sharedWarmPrograms();
    const warmRun = (scenario: string) => launch(project(scenario), {}, programs.launch(nodeLaunch(project(scenario))));

    const cold = new Map<string, ProgramRun>();

    it("registers what a new process registers, for each of several runs in a row", async () => {
        for (const scenario of SCENARIOS) {
            const [warm, fresh] = [await warmRun(scenario), await runProgram(project(scenario))];
            cold.set(scenario, fresh);
            expect(warm.resources.length).toBeGreaterThan(150);
            expect({ scenario, registrations: registrations(warm) }).toEqual({ scenario, registrations: registrations(fresh) });
            expect(rest(warm)).toEqual(rest(fresh));
        }
    });

    it("fails with the line a new process fails with, and runs the next program afresh", async () => {
        const failing = "Not A Scenario";
        const coldError = await runProgram(project(failing)).then(() => "no error", (e: Error) => e.message);
        const warmError = await warmRun(failing).then(() => "no error", (e: Error) => e.message);
        expect(coldError).toMatch(/prodready:scenario must be a scenario file name/);
        expect(warmError).toEqual(coldError);
        const scenario = SCENARIOS[0];
        const fresh = cold.get(scenario) ?? await runProgram(project(scenario));
        expect(registrations(await warmRun(scenario))).toEqual(registrations(fresh));
    });
});
