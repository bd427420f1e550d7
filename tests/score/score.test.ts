import { computeScore } from "../../src/score/score";
import { catalog, fixtureReport } from "../report/fixtures";

describe("the readiness score", () => {
    it("gives each checklist item one status from the run", () => {
        const score = fixtureReport().score;
        const status = Object.fromEntries(score.items.map((i) => [i.id, i.status]));
        expect(status).toEqual({
            "t.network.admin-ports": "exempt",
            "t.network.only-web-ports": "failing",
            "t.data.backups": "unknown",
            "t.data.tls": "exempt",
            "t.data.snapshots": "failing",
            "t.data.deletion-protection": "passing",
            "t.data.restore-drill": "not-enforced",
            "t.process.runbook": "not-infrastructure",
        });
    });

    it("counts per priority and per category", () => {
        const score = fixtureReport().score;
        expect(score.byPriority.P0).toEqual({ "passing": 0, "failing": 1, "exempt": 1, "unknown": 1, "not-enforced": 0, "not-infrastructure": 1 });
        expect(score.byCategory.network).toEqual({ "passing": 0, "failing": 1, "exempt": 1, "unknown": 0, "not-enforced": 0, "not-infrastructure": 0 });
        expect(Object.keys(score.byCategory)).toEqual(["network", "data-protection", "process"]);
    });

    it("weights P0 3, P1 2, P2 1 over enforced items, and coverage over infrastructure items", () => {
        const score = fixtureReport().score;
        // enforced: 3 (admin) + 3 (web) + 3 (backups) + 2 (tls) + 1 (snapshots) + 2 (deletion) = 14; passing 2
        expect(score.score).toBe(14.3);
        // infrastructure: 14 + 2 (restore drill, not yet enforced) = 16
        expect(score.coverage).toBe(87.5);
    });

    it("is not ready while a P0 item fails, conditional while one is exempt or unknown, ready when all pass", () => {
        const policies = [{ name: "a", checklist: ["t.network.admin-ports"] }, { name: "b", checklist: ["t.data.backups"] }];
        expect(computeScore(catalog, policies, [{ policy: "a", outcome: "violation" }], []).verdict).toBe("not-ready");
        expect(computeScore(catalog, policies, [{ policy: "a", outcome: "unknown" }], []).verdict).toBe("conditional");
        expect(computeScore(catalog, policies, [], [{ policy: "b" }]).verdict).toBe("conditional");
        const ready = computeScore(catalog, policies, [], []);
        expect(ready.verdict).toBe("ready");
        expect(ready.verdictReason).toMatch(/P0 item\(s\) outside the pack still need a manual check/);
    });

    it("counts an item failing when any of its policies fails, even if another passes", () => {
        const policies = [{ name: "a", checklist: ["t.data.backups"] }, { name: "b", checklist: ["t.data.backups"] }];
        const score = computeScore(catalog, policies, [{ policy: "b", outcome: "violation" }], []);
        expect(score.items.find((i) => i.id === "t.data.backups")).toMatchObject({ status: "failing", policies: ["a", "b"] });
    });
});
