import * as fs from "fs";
import * as path from "path";
import { violationPairs } from "../../src/report/model";
import { loadScenario } from "../../stacks/scenario";
import { previewReference, ROOT, sharedAnalyzer } from "../harness/stack";

const analyzer = sharedAnalyzer();
const names = fs.readdirSync(path.join(ROOT, "stacks", "scenarios"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();

describe("scenarios", () => {
    it("exist", () => {
        expect(names.length).toBeGreaterThan(0);
    });

    test.concurrent.each(names)("%s triggers exactly its listed violations", async (name) => {
        const scenario = loadScenario(name);
        const analysis = await previewReference(analyzer(), name);
        const expected = [...new Set(scenario.violations.map(([policy, resource]) => `${policy}\u0000${resource}`))]
            .sort().map((p) => p.split("\u0000"));
        expect(violationPairs(analysis)).toEqual(expected);
        expect(analysis.findings.filter((f) => f.outcome === "unknown").map((f) => `${f.policy} ${f.name}`)).toEqual([]);
    });
});
