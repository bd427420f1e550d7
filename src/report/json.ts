// The `--format json` document: the report with what a reader acts on. Policies nobody reported on
// are described by the pack itself, and checklist items that pass are counted, not listed, so a
// clean run of a large stack is a few kilobytes instead of the whole catalog.
import type { Report } from "./document";
import type { ItemStatus } from "../score/score";

const LISTED_ITEM_STATUSES: ReadonlySet<ItemStatus> = new Set(["failing", "exempt", "unknown"]);

export function jsonDocument(report: Report): Report {
    const named = new Set<string>();
    for (const entry of [...report.findings, ...report.exemptions, ...report.notApplicable]) {
        named.add(entry.policy);
    }
    return {
        ...report,
        policies: report.policies.filter((p) => named.has(p.name)),
        score: { ...report.score, items: report.score.items.filter((i) => LISTED_ITEM_STATUSES.has(i.status)) },
    };
}

export function renderJson(report: Report): string {
    return JSON.stringify(jsonDocument(report), null, 2) + "\n";
}
