// The report lists findings by policy, then URN, then message, and exemptions and not-applicable
// answers by policy, then URN, in localeCompare's order; equal keys keep the analysis's order.
import type { Analysis, Finding } from "../../src/report/analysis";
import { reportFromAnalysis } from "../../src/report/document";
import { analysis, catalog, resourceTypes, subjects } from "./fixtures";

/** Strings that sort differently by code point and by collation, with equal ones in two Unicode forms. */
const WORDS = ["a", "B", "b", "_x", "-x", "x-1", "x_1", "x.1", "X1", "10", "9", "é", "e\u0301", "Z", "z", "", "ä", "a\u0308"];

/** A small deterministic generator, so a failure names the findings that broke the order. */
function pick(seed: number): () => string {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return WORDS[state % WORDS.length];
    };
}

describe("the report's order", () => {
    const next = pick(7);
    const findings: Finding[] = Array.from({ length: 600 }, (_, i) => ({
        policy: `p-${next()}`, level: "advisory", outcome: "violation", severity: "low", description: "",
        message: `${next()} #${i % 3 === 0 ? "" : i}`, ...(i % 5 === 0 ? {} : { urn: `urn:pulumi:s::p::t::${next()}${next()}` }),
    }));
    const notApplicable = Array.from({ length: 300 }, (_, i) => ({ policy: `p-${next()}`, reason: `reason ${i}`, ...(i % 4 === 0 ? {} : { urn: `urn:${next()}` }) }));
    const run: Analysis = { ...analysis, findings, notApplicable, levels: {} };
    const report = reportFromAnalysis(run, { catalog, source: { kind: "manifests" }, subjects, resourceTypes });

    it("sorts findings as localeCompare does, stably", () => {
        const expected = findings.map((f, i) => ({ f, i }))
            .sort((a, b) => a.f.policy.localeCompare(b.f.policy) || (a.f.urn ?? "").localeCompare(b.f.urn ?? "") || a.f.message.localeCompare(b.f.message) || a.i - b.i)
            .map(({ f }) => [f.policy, f.urn, f.message]);
        expect(report.findings.map((f) => [f.policy, f.urn, f.message])).toEqual(expected);
    });

    it("sorts other not-applicable answers by policy, then URN, stably", () => {
        const expected = notApplicable.map((n, i) => ({ n, i }))
            .sort((a, b) => a.n.policy.localeCompare(b.n.policy) || (a.n.urn ?? "").localeCompare(b.n.urn ?? "") || a.i - b.i)
            .map(({ n }) => n.reason);
        expect(report.notApplicable.map((n) => n.reason)).toEqual(expected);
    });

    it("holds strings the collator finds equal, in both orders, so the tests above see them kept in the run's order", () => {
        expect("e\u0301".localeCompare("é")).toBe(0);
        const policies = report.findings.map((f) => f.policy).filter((p) => p === "p-é" || p === "p-e\u0301");
        const switches = policies.filter((p, i) => i > 0 && p !== policies[i - 1]).length;
        expect(switches).toBeGreaterThan(1);
    });
});
