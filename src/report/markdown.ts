// Markdown for a pull-request comment: the verdict first, then what to fix, what is exempt and why,
// and the readiness score per priority and category. Kept short enough for a comment (GitHub allows
// 65,536 characters): findings beyond the limit are counted per policy, not listed.
import type { Report, ReportExemption, ReportFinding, SourceLocation } from "./document";
import { findingsByPolicy, packsLabel } from "./document";
import type { Counts } from "../score/score";
import { markdownCode, markdownText } from "./safe";
import { adoptionLines, countsText, debtNote, gateLines, standInLine } from "./text";
import { frameworkControlMarkdown } from "./frameworks";

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

/** ` (pack <name>)` after a policy of another pack than the run's own. */
function otherPack(report: Report, item: { pack?: string }): string {
    return item.pack && item.pack !== report.pack.name ? ` (pack ${markdownText(item.pack)})` : "";
}

/** GitHub refuses a pull-request comment longer than this many characters. */
export const COMMENT_LIMIT = 65536;

/** A message longer than this is cut in a table cell: one finding must not take the comment's room. */
const MAX_CELL = 1000;

function cut(text: string): string {
    return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

export interface MarkdownOptions {
    /** The most findings and exemptions listed (default 200); the rest are counted per policy. */
    maxFindings?: number;
    lineLink?: LineLink;
    /** The longest comment (default COMMENT_LIMIT): past it fewer entries are listed, and counted per policy instead. */
    limit?: number;
}

/** What the comment lists, in the order rows are given room: what fails the run first. */
interface Listed {
    mandatory: ReportFinding[];
    notVerified: ReportFinding[];
    advisory: ReportFinding[];
    exemptions: ReportExemption[];
    /** Existing debt (baselined, untouched): fails no gate. */
    debt: ReportFinding[];
    unknown: ReportFinding[];
}

function listed(report: Report): Listed {
    const news = report.findings.filter((f) => !f.debt);
    const violations = news.filter((f) => f.outcome === "violation");
    return {
        mandatory: violations.filter((f) => f.enforcementLevel === "mandatory"),
        notVerified: news.filter((f) => f.notVerified),
        advisory: violations.filter((f) => f.enforcementLevel !== "mandatory"),
        exemptions: report.exemptions,
        debt: report.findings.filter((f) => f.debt),
        unknown: news.filter((f) => f.outcome === "unknown" && !f.notVerified),
    };
}

/** The first `rows` entries, taken section by section in the order of Listed. */
function within(all: Listed, rows: number): Listed {
    let left = rows;
    const take = <T>(items: T[]): T[] => {
        const taken = items.slice(0, Math.max(0, left));
        left -= taken.length;
        return taken;
    };
    const mandatory = take(all.mandatory);
    const notVerified = take(all.notVerified);
    const advisory = take(all.advisory);
    const exemptions = take(all.exemptions);
    const debt = take(all.debt);
    return { mandatory, notVerified, advisory, exemptions, debt, unknown: take(all.unknown) };
}

function total(l: Listed): number {
    return l.mandatory.length + l.notVerified.length + l.advisory.length + l.exemptions.length + l.debt.length + l.unknown.length;
}

/** Counts per policy of everything the report holds, for a comment that cannot list it all. */
function countsPerPolicy(report: Report): string[] {
    const counts = new Map<string, { mandatory: number; advisory: number; notVerified: number; unknown: number; exempt: number }>();
    const of = (policy: string) => {
        let c = counts.get(policy);
        if (!c) {
            c = { mandatory: 0, advisory: 0, notVerified: 0, unknown: 0, exempt: 0 };
            counts.set(policy, c);
        }
        return c;
    };
    for (const f of report.findings) {
        const c = of(f.policy);
        if (f.outcome === "violation") {
            c[f.enforcementLevel === "mandatory" ? "mandatory" : "advisory"]++;
        } else if (f.notVerified) {
            c.notVerified++;
        } else {
            c.unknown++;
        }
    }
    for (const e of report.exemptions) {
        of(e.policy).exempt++;
    }
    const rows = [...counts].sort(([a, x], [b, y]) => y.mandatory + y.notVerified - (x.mandatory + x.notVerified) || a.localeCompare(b));
    return ["| Policy | Mandatory | Not verified | Advisory | Unknown | Exempt |", "| --- | --- | --- | --- | --- | --- |",
        ...rows.map(([policy, c]) => `| ${markdownCode(policy)} | ${c.mandatory} | ${c.notVerified} | ${c.advisory} | ${c.unknown} | ${c.exempt} |`)];
}

/**
 * The report as a pull-request comment. A report too large for one comment lists what fails the run
 * first (mandatory violations, then not verified, then advisory violations, exemptions and unknowns),
 * as many entries as fit, and counts every finding per policy; the comment says it was shortened.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
    const limit = options.limit ?? COMMENT_LIMIT;
    const link = options.lineLink ?? ciLineLink();
    const all = listed(report);
    const most = Math.min(total(all), options.maxFindings ?? 200);
    const first = compose(report, all, within(all, most), link, limit, false);
    if (first.length <= limit) {
        return first;
    }
    // Fewer rows give a shorter comment: find the most that fit.
    let fits = 0;
    let over = most;
    while (over - fits > 1) {
        const mid = Math.floor((fits + over) / 2);
        if (compose(report, all, within(all, mid), link, limit, true).length <= limit) {
            fits = mid;
        } else {
            over = mid;
        }
    }
    return compose(report, all, within(all, fits), link, limit, true);
}

/** The comment with the entries `shown`; `tooLong` says the size limit, not the count, left the others out. */
function compose(report: Report, all: Listed, shown: Listed, link: LineLink, limit: number, tooLong: boolean): string {
    const s = report.summary;
    const score = report.score;
    const shortened = total(shown) < total(all);
    const lines = [
        MARKDOWN_MARKER,
        `## prodready: ${VERDICT[score.verdict]}`,
        "",
        `**${markdownText(packsLabel(report))}**${report.source.target ? ` on ${markdownCode(report.source.target)}` : ""}: ` +
        `${countsText(report)}${s.resources === undefined ? "" : ` (${s.resources} resources, ${s.policies} policies)`}.`,
        "",
        `${s.passed ? "" : "❌ "}${gateLines(report).map(markdownText).join(". ")}.`,
        "",
        ...adoptionLines(report).flatMap((l) => [markdownText(l), ""]),
        coverage(report),
        "",
        `**Readiness score: ${score.score}%** of enforced checklist items pass; the pack enforces ${score.coverage}% of the infrastructure items. ${score.verdictReason.charAt(0).toUpperCase()}${score.verdictReason.slice(1)}.`,
        "",
    ];
    if (shortened) {
        lines.push(`> [!NOTE]`, `> This comment is shortened${tooLong ? ` to stay under GitHub's limit of ${limit.toLocaleString("en-US")} characters` : ""}: it lists ${total(shown)} of ` +
            `${total(all)} findings and exemptions, what fails the run first, and counts them all per policy below. The JSON, SARIF and HTML reports list every one.`, "");
    }
    const more = (shownCount: number, allCount: number) => {
        if (allCount > shownCount) {
            lines.push("", `…and ${allCount - shownCount} more; see the counts per policy, and the JSON or SARIF report.`);
        }
    };
    if (report.frameworkControls) {
        lines.push(...frameworkControlMarkdown(report.frameworkControls));
    }
    const violations = [...all.mandatory, ...all.advisory];
    if (violations.length > 0) {
        const rows = [...shown.mandatory, ...shown.advisory];
        lines.push("### Violations", "", "| Level | Policy | Resource | Message |", "| --- | --- | --- | --- |");
        for (const f of rows) {
            lines.push(`| ${f.enforcementLevel === "mandatory" ? "🔴 mandatory" : `🟡 ${f.enforcementLevel}`} | ${markdownCode(f.policy)}${otherPack(report, f)} | ${resource(f, link)} | ${markdownText(cut(f.message))} |`);
        }
        more(rows.length, violations.length);
        lines.push("");
        const fixes = findingsByPolicy(report).filter((g) => g.policy && g.findings.some((f) => f.outcome === "violation"));
        lines.push("<details><summary>How to fix</summary>", "");
        for (const g of fixes) {
            lines.push(`- ${markdownCode(g.name)}: ${trustedCell(g.policy!.remediationSteps)}`);
        }
        lines.push("", "</details>", "");
    }
    if (all.notVerified.length > 0) {
        lines.push(`### Not verified (${all.notVerified.length})`, "",
            "A mandatory policy could not judge these resources during preview, so the run fails: make the value known to the program, " +
            "or let the policy pass it with `allowUnknown` in the policy-pack config.", "",
            "| Policy | Resource | Reason |", "| --- | --- | --- |");
        for (const f of shown.notVerified) {
            lines.push(`| ${markdownCode(f.policy)} | ${resource(f, link)} | ${markdownText(cut(f.notVerified!.reason))} |`);
        }
        more(shown.notVerified.length, all.notVerified.length);
        lines.push("");
    }
    if (all.exemptions.length > 0) {
        lines.push("### Exemptions", "", "| Policy | Resource | Reason | Source | Expires |", "| --- | --- | --- | --- | --- |");
        for (const e of shown.exemptions) {
            lines.push(`| ${markdownCode(e.policy)} | ${resource(e, link)} | ${markdownText(cut(e.reason))} | ${markdownText(e.source)} | ${e.expires === undefined ? "never" : markdownText(e.expires)} |`);
        }
        more(shown.exemptions.length, all.exemptions.length);
        lines.push("");
    }
    if (all.debt.length > 0) {
        lines.push(`<details><summary>Existing debt, not failing the run (${all.debt.length})</summary>`, "", "| Policy | Resource | Why not gated | Message |", "| --- | --- | --- | --- |");
        for (const f of shown.debt) {
            lines.push(`| ${markdownCode(f.policy)} | ${resource(f, link)} | ${markdownText(cut(debtNote(f)))} | ${markdownText(cut(f.message))} |`);
        }
        more(shown.debt.length, all.debt.length);
        lines.push("", "</details>", "");
    }
    if (all.unknown.length > 0) {
        lines.push(`<details><summary>Unknown during preview, not failing the run (${all.unknown.length})</summary>`, "");
        for (const f of shown.unknown) {
            lines.push(`- ${markdownCode(f.policy)} on ${resource(f, link)}: ${markdownText(cut(f.message))}`);
        }
        more(shown.unknown.length, all.unknown.length);
        lines.push("", "</details>", "");
    }
    if (shortened) {
        lines.push("### Findings per policy", "", ...countsPerPolicy(report), "");
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
