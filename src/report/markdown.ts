// Markdown for a pull-request comment: the verdict first, then what to fix, what is exempt and why,
// and the readiness score per priority and category. Kept short enough for a comment (GitHub allows
// 65,536 characters): findings beyond the limit are counted, not listed.
import type { Report, SourceLocation } from "./document";
import { findingsByPolicy } from "./document";
import type { Counts } from "../score/score";
import { markdownCode, markdownText } from "./safe";
import { countsText, gateLines, standInLine } from "./text";

/** The comment's first line; CI looks for it to update its previous comment instead of adding one. */
export const MARKDOWN_MARKER = "<!-- prodready-report -->";

// Text from the pack and the checklist catalog (remediation steps, item texts) may use Markdown on
// purpose; it only has to stay in its table cell. Everything from the run itself (resource names,
// messages, exemption reasons and sources, paths) is escaped: it cannot add rows, links or images.
function trustedCell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Builds the web address of a line in the repository, when the run knows the repository and commit. */
export type LineLink = (location: SourceLocation) => string | undefined;

/**
 * The blob address of a line on GitHub Actions or GitLab CI, from the variables they set for every
 * job; elsewhere none, and the comment shows the place without a link.
 */
export function ciLineLink(env: NodeJS.ProcessEnv = process.env): LineLink {
    const https = (url: string | undefined) => url !== undefined && /^https:\/\/[^\s()<>]+$/.test(url) ? url.replace(/\/+$/, "") : undefined;
    const sha = /^[0-9a-f]{7,64}$/i.test(env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? "") ? (env.GITHUB_SHA ?? env.CI_COMMIT_SHA) : undefined;
    const github = https(env.GITHUB_SERVER_URL) && /^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_REPOSITORY ?? "") ? `${https(env.GITHUB_SERVER_URL)}/${env.GITHUB_REPOSITORY}/blob` : undefined;
    const gitlab = https(env.CI_PROJECT_URL) ? `${https(env.CI_PROJECT_URL)}/-/blob` : undefined;
    const base = sha ? (env.GITHUB_SHA ? github : gitlab) : undefined;
    if (!base) {
        return () => undefined;
    }
    return (location) => location.file.startsWith("/") || location.file.startsWith("<") || location.file.split("/").includes("..")
        ? undefined
        : `${base}/${sha}/${location.file.split("/").map(encodeURIComponent).join("/")}#L${location.line}`;
}

function place(location: SourceLocation | undefined, link: LineLink): string {
    if (!location) {
        return "";
    }
    const label = markdownCode(`${location.file}:${location.line}`);
    const url = link(location);
    return url ? ` at [${label}](${url})` : ` at ${label}`;
}

function resource(item: { type?: string; name?: string; location?: SourceLocation }, link: LineLink = () => undefined): string {
    return item.name ? `${markdownCode(item.name)} (${markdownText(item.type ?? "resource")})${place(item.location, link)}` : "stack";
}

function coverage(report: Report): string {
    const s = report.summary;
    return `${s.notJudged > 0 ? "⚠️ " : ""}**Judged: ${s.judged} object${s.judged === 1 ? "" : "s"}; not judged: ${s.notJudged}**` +
        (s.notJudged > 0 ? ` (no enabled policy looks at ${s.notJudgedTypes.slice(0, 10).map(markdownCode).join(", ")}${s.notJudgedTypes.length > 10 ? `, and ${s.notJudgedTypes.length - 10} more types` : ""})` : "") +
        `; ${s.notPolicySubjects} provider, stack or component resource${s.notPolicySubjects === 1 ? " is" : "s are"} not policy subjects.` +
        (s.unexpandedTypes?.length ? `\n\n⚠️ **Not constructed** (accepted with --allow-unexpanded, nothing inside judged): ${s.unexpandedTypes.map(markdownCode).join(", ")}` : "") +
        (s.standInFunctions?.length ? `\n\n${markdownText(standInLine(s.standInFunctions))}` : "");
}

function countsRow(label: string, c: Counts): string {
    return `| ${label} | ${c.passing} | ${c.failing} | ${c.exempt} | ${c.unknown} | ${c["not-enforced"]} | ${c["not-infrastructure"]} |`;
}

const VERDICT = { "ready": "✅ go-live ready", "conditional": "⚠️ conditional", "not-ready": "❌ not ready" } as const;

export function renderMarkdown(report: Report, options: { maxFindings?: number; lineLink?: LineLink } = {}): string {
    const max = options.maxFindings ?? 200;
    const link = options.lineLink ?? ciLineLink();
    const s = report.summary;
    const score = report.score;
    const lines = [
        MARKDOWN_MARKER,
        `## prodready: ${VERDICT[score.verdict]}`,
        "",
        `**${markdownText(`${report.pack.name}@v${report.pack.version}`)}**${report.source.target ? ` on ${markdownCode(report.source.target)}` : ""}: ` +
        `${countsText(report)}${s.resources === undefined ? "" : ` (${s.resources} resources, ${s.policies} policies)`}.`,
        "",
        `${s.passed ? "" : "❌ "}${gateLines(report).map(markdownText).join(". ")}.`,
        "",
        coverage(report),
        "",
        `**Readiness score: ${score.score}%** of enforced checklist items pass; the pack enforces ${score.coverage}% of the infrastructure items. ${score.verdictReason.charAt(0).toUpperCase()}${score.verdictReason.slice(1)}.`,
        "",
    ];
    const violations = report.findings.filter((f) => f.outcome === "violation");
    if (violations.length > 0) {
        lines.push("### Violations", "", "| Level | Policy | Resource | Message |", "| --- | --- | --- | --- |");
        const sorted = [...violations].sort((a, b) => (a.enforcementLevel === "mandatory" ? 0 : 1) - (b.enforcementLevel === "mandatory" ? 0 : 1));
        for (const f of sorted.slice(0, max)) {
            lines.push(`| ${f.enforcementLevel === "mandatory" ? "🔴 mandatory" : `🟡 ${f.enforcementLevel}`} | ${markdownCode(f.policy)} | ${resource(f, link)} | ${markdownText(f.message)} |`);
        }
        if (sorted.length > max) {
            lines.push("", `…and ${sorted.length - max} more; see the JSON or SARIF report.`);
        }
        lines.push("");
        const fixes = findingsByPolicy(report).filter((g) => g.policy && g.findings.some((f) => f.outcome === "violation"));
        lines.push("<details><summary>How to fix</summary>", "");
        for (const g of fixes) {
            lines.push(`- ${markdownCode(g.name)}: ${trustedCell(g.policy!.remediationSteps)}`);
        }
        lines.push("", "</details>", "");
    }
    const notVerified = report.findings.filter((f) => f.notVerified);
    if (notVerified.length > 0) {
        lines.push(`### Not verified (${notVerified.length})`, "",
            "A mandatory policy could not judge these resources during preview, so the run fails: make the value known to the program, " +
            "or let the policy pass it with `allowUnknown` in the policy-pack config.", "",
            "| Policy | Resource | Reason |", "| --- | --- | --- |");
        for (const f of notVerified.slice(0, max)) {
            lines.push(`| ${markdownCode(f.policy)} | ${resource(f, link)} | ${markdownText(f.notVerified!.reason)} |`);
        }
        if (notVerified.length > max) {
            lines.push("", `…and ${notVerified.length - max} more; see the JSON or SARIF report.`);
        }
        lines.push("");
    }
    if (report.exemptions.length > 0) {
        lines.push("### Exemptions", "", "| Policy | Resource | Reason | Source | Expires |", "| --- | --- | --- | --- | --- |");
        for (const e of report.exemptions) {
            lines.push(`| ${markdownCode(e.policy)} | ${resource(e, link)} | ${markdownText(e.reason)} | ${markdownText(e.source)} | ${e.expires === undefined ? "never" : markdownText(e.expires)} |`);
        }
        lines.push("");
    }
    const unknown = report.findings.filter((f) => f.outcome === "unknown" && !f.notVerified);
    if (unknown.length > 0) {
        lines.push(`<details><summary>Unknown during preview, not failing the run (${unknown.length})</summary>`, "");
        for (const f of unknown.slice(0, max)) {
            lines.push(`- ${markdownCode(f.policy)} on ${resource(f, link)}: ${markdownText(f.message)}`);
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
            lines.push(`- ${trustedCell(i.text)} (${markdownCode(i.id)}): ${i.policies.map(markdownCode).join(", ")}`);
        }
        lines.push("", "</details>", "");
    }
    return lines.join("\n");
}
