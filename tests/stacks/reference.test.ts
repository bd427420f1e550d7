import { violationPairs } from "../../src/report/model";
import { previewReference, sharedAnalyzer } from "../harness/stack";

const analyzer = sharedAnalyzer();

describe("the reference stack", () => {
    it("passes the whole pack: no violation, nothing unknown", async () => {
        const analysis = await previewReference(analyzer());
        expect(violationPairs(analysis)).toEqual([]);
        expect(analysis.findings.filter((f) => f.outcome === "unknown").map((f) => `${f.policy} ${f.name}: ${f.message}`)).toEqual([]);
        expect(analysis.resources).toBeGreaterThan(30);
    });

    it("is judged by every policy of the pack", async () => {
        const analysis = await previewReference(analyzer());
        expect(Object.values(analysis.levels).filter((l) => l === "disabled")).toEqual([]);
        expect(analysis.pack.policies.length).toBeGreaterThanOrEqual(10);
    });
});
