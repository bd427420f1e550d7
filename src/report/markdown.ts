// Markdown for a pull-request comment: the verdict first, then what to fix, what is exempt and why,
// and the readiness score per priority and category. Kept short enough for a comment (GitHub allows
// 65,536 characters): findings beyond the limit are counted, not listed.
import type { Report } from "./document";
import { findingsByPolicy } from "./document";
import type { Counts } from "../score/score";

/** The comment's first line; CI looks for it to update its previous comment instead of adding one. */
export const MARKDOWN_MARKER = "<!-- prodready-report -->";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function resource(item: { type?: string; name?: string }): string {
    return item.name ? `\`${item.name}\` (${item.type ?? "resource"})` : "stack";
}

function countsRow(label: string, c: Counts): string {
    return `| ${label} | ${c.passing} | ${c.failing} | ${c.exempt} | ${c.unknown} | ${c["not-enforced"]} | ${c["not-infrastructure"]} |`;
}

const VERDICT = { "ready": "✅ go-live ready", "conditional": "⚠️ conditional", "not-ready": "❌ not ready" } as const;

export function renderMarkdown(report: Report, options: { maxFindings?: number } = {}): string {
    const max = options.maxFindings ?? 200;
    const s = report.summary;
    const score = report.score;
    const lines = [
        MARKDOWN_MARKER,
        `## prodready: ${VERDICT[score.verdict]}`,
        "",
        `**${report.pack.name}@v${report.pack.version}**${report.source.target ? ` on \`${report.source.target}\`` : ""}: ` +
        `${s.mandatory} mandatory violation${s.mandatory === 1 ? "" : "s"}, ${s.advisory} advisory, ${s.unknown} unknown during preview, ${s.exempt} exempt` +
        `${s.resources === undefined ? "" : ` (${s.resources} resources, ${s.policies} policies)`}.`,
        "",
        `**Readiness score: ${score.score}%** of enforced checklist items pass; the pack enforces ${score.coverage}% of the infrastructure items. ${score.verdictReason.charAt(0).toUpperCase()}${score.verdictReason.slice(1)}.`,
        "",
    ];
    const violations = report.findings.filter((f) => f.outcome === "violation");
    if (violations.length > 0) {
        lines.push("### Violations", "", "| Level | Policy | Resource | Message |", "| --- | --- | --- | --- |");
        const sorted = [...violations].sort((a, b) => (a.enforcementLevel === "mandatory" ? 0 : 1) - (b.enforcementLevel === "mandatory" ? 0 : 1));
        for (const f of sorted.slice(0, max)) {
            lines.push(`| ${f.enforcementLevel === "mandatory" ? "🔴 mandatory" : `🟡 ${f.enforcementLevel}`} | \`${f.policy}\` | ${resource(f)} | ${cell(f.message)} |`);
        }
        if (sorted.length > max) {
            lines.push("", `…and ${sorted.length - max} more; see the JSON or SARIF report.`);
        }
        lines.push("");
        const fixes = findingsByPolicy(report).filter((g) => g.policy && g.findings.some((f) => f.outcome === "violation"));
        lines.push("<details><summary>How to fix</summary>", "");
        for (const g of fixes) {
            lines.push(`- \`${g.name}\`: ${cell(g.policy!.remediationSteps)}`);
        }
        lines.push("", "</details>", "");
    }
    if (report.exemptions.length > 0) {
        lines.push("### Exemptions", "", "| Policy | Resource | Reason | Source | Expires |", "| --- | --- | --- | --- | --- |");
        for (const e of report.exemptions) {
            lines.push(`| \`${e.policy}\` | ${resource(e)} | ${cell(e.reason)} | ${cell(e.source)} | ${e.expires ?? "never"} |`);
        }
        lines.push("");
    }
    const unknown = report.findings.filter((f) => f.outcome === "unknown");
    if (unknown.length > 0) {
        lines.push("<details><summary>Unknown during preview (" + unknown.length + ")</summary>", "");
        for (const f of unknown.slice(0, max)) {
            lines.push(`- \`${f.policy}\` on ${resource(f)}: ${cell(f.message)}`);
        }
        lines.push("", "</details>", "");
    }
    lines.push("### Readiness by priority", "", "| Priority | Passing | Failing | Exempt | Unknown | Not yet enforced | Not infrastructure |", "| --- | --- | --- | --- | --- | --- | --- |");
    for (const p of ["P0", "P1", "P2"] as const) {
        lines.push(countsRow(p, score.byPriority[p]));
    }
    lines.push("", "<details><summary>Readiness by category</summary>", "",
        "| Category | Passing | Failing | Exempt | Unknown | Not yet enforced | Not infrastructure |", "| --- | --- | --- | --- | --- | --- | --- |");
    for (const [category, counts] of Object.entries(score.byCategory)) {
        lines.push(countsRow(category, counts));
    }
    lines.push("", "</details>", "");
    const failingP0 = score.items.filter((i) => i.priority === "P0" && i.status === "failing");
    if (failingP0.length > 0) {
        lines.push("<details><summary>Failing P0 checklist items</summary>", "");
        for (const i of failingP0) {
            lines.push(`- ${cell(i.text)} (\`${i.id}\`): ${i.policies.map((p) => `\`${p}\``).join(", ")}`);
        }
        lines.push("", "</details>", "");
    }
    return lines.join("\n");
}
