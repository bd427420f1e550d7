// The readiness score: what a run proves about each checklist item. The formula is defined in
// docs/readiness-score.md; keep the two in step.
import type { Catalog, ChecklistItem } from "../catalog/catalog";

export type ItemStatus = "passing" | "failing" | "exempt" | "unknown" | "not-enforced" | "not-infrastructure";
export const ITEM_STATUSES: readonly ItemStatus[] = ["passing", "failing", "exempt", "unknown", "not-enforced", "not-infrastructure"];

export type Verdict = "ready" | "conditional" | "not-ready";

/** Weight of an item in the score, by priority: a P0 item counts three times a P2 item. */
export const PRIORITY_WEIGHTS = { P0: 3, P1: 2, P2: 1 } as const;

export type Counts = Record<ItemStatus, number>;

export interface ItemResult {
    id: string;
    text: string;
    category: string;
    priority: "P0" | "P1" | "P2";
    status: ItemStatus;
    /** Policies (enabled in this run) that enforce the item. */
    policies: string[];
}

export interface ReadinessScore {
    /** 0-100: weighted share of enforced checklist items that pass (docs/readiness-score.md). */
    score: number;
    /** 0-100: weighted share of infrastructure items that an enabled policy enforces. */
    coverage: number;
    verdict: Verdict;
    /** One sentence that says why the verdict is what it is. */
    verdictReason: string;
    totals: Counts;
    byPriority: Record<"P0" | "P1" | "P2", Counts>;
    byCategory: Record<string, Counts>;
    items: ItemResult[];
}

interface PolicyView {
    name: string;
    checklist: readonly string[];
}
interface FindingView {
    policy: string;
    outcome: "violation" | "unknown";
}

function zero(): Counts {
    return { "passing": 0, "failing": 0, "exempt": 0, "unknown": 0, "not-enforced": 0, "not-infrastructure": 0 };
}

function status(item: ChecklistItem, policies: string[], failing: Set<string>, unknown: Set<string>, exempt: Set<string>): ItemStatus {
    if (!item.infrastructure) {
        return "not-infrastructure";
    }
    if (policies.length === 0) {
        return "not-enforced";
    }
    if (policies.some((p) => failing.has(p))) {
        return "failing";
    }
    if (policies.some((p) => unknown.has(p))) {
        return "unknown";
    }
    if (policies.some((p) => exempt.has(p))) {
        return "exempt";
    }
    return "passing";
}

function percent(numerator: number, denominator: number): number {
    return denominator === 0 ? 100 : Math.round((1000 * numerator) / denominator) / 10;
}

/**
 * Scores a run against the checklist. `policies` are the policies that ran (not disabled), with the
 * checklist items they cite; `findings` and `exemptions` are the run's.
 */
export function computeScore(catalog: Catalog, policies: readonly PolicyView[], findings: readonly FindingView[], exemptions: readonly { policy: string }[]): ReadinessScore {
    const enforcers = new Map<string, string[]>();
    for (const p of policies) {
        for (const id of p.checklist) {
            enforcers.set(id, [...(enforcers.get(id) ?? []), p.name]);
        }
    }
    const failing = new Set(findings.filter((f) => f.outcome === "violation").map((f) => f.policy));
    const unknown = new Set(findings.filter((f) => f.outcome === "unknown").map((f) => f.policy));
    const exempt = new Set(exemptions.map((e) => e.policy));

    const items: ItemResult[] = catalog.items.map((item) => {
        const by = (enforcers.get(item.id) ?? []).sort();
        return { id: item.id, text: item.text, category: item.category, priority: item.priority, status: status(item, by, failing, unknown, exempt), policies: by };
    });
    const totals = zero();
    const byPriority = { P0: zero(), P1: zero(), P2: zero() };
    const byCategory: Record<string, Counts> = {};
    let enforcedWeight = 0;
    let passingWeight = 0;
    let infraWeight = 0;
    for (const item of items) {
        totals[item.status]++;
        byPriority[item.priority][item.status]++;
        (byCategory[item.category] ??= zero())[item.status]++;
        const weight = PRIORITY_WEIGHTS[item.priority];
        if (item.status !== "not-infrastructure") {
            infraWeight += weight;
        }
        if (item.status !== "not-infrastructure" && item.status !== "not-enforced") {
            enforcedWeight += weight;
            passingWeight += item.status === "passing" ? weight : 0;
        }
    }
    const p0 = byPriority.P0;
    const verdict: Verdict = p0.failing > 0 ? "not-ready" : p0.unknown + p0.exempt > 0 ? "conditional" : "ready";
    const verdictReason = verdict === "not-ready"
        ? `${p0.failing} P0 checklist item${p0.failing === 1 ? "" : "s"} fail${p0.failing === 1 ? "s" : ""}`
        : verdict === "conditional"
            ? `no P0 item fails, but ${[p0.exempt ? `${p0.exempt} ${p0.exempt === 1 ? "is" : "are"} exempt` : "", p0.unknown ? `${p0.unknown} ${p0.unknown === 1 ? "is" : "are"} unknown during preview` : ""].filter(Boolean).join(" and ")}: sign them off`
            : `every enforced P0 item passes; ${p0["not-enforced"] + p0["not-infrastructure"]} P0 item(s) outside the pack still need a manual check`;
    return {
        score: percent(passingWeight, enforcedWeight),
        coverage: percent(enforcedWeight, infraWeight),
        verdict,
        verdictReason,
        totals,
        byPriority,
        byCategory: Object.fromEntries(Object.keys(catalog.categories).filter((c) => byCategory[c]).map((c) => [c, byCategory[c]])),
        items,
    };
}
