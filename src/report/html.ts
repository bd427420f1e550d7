import { adoptionLines, debtNote, standInLine } from "./text";
// The readiness page: one self-contained HTML file, for a CI artifact or a browser with no network.
// It loads nothing and runs no script: its style sheet is inline and allowed by hash in a strict
// Content-Security-Policy, its charts are inline SVG. Every value from the run is escaped
// (src/report/html/escape.ts). Built from arrays joined once, so 100,000 findings render in linear time.
import { createHash } from "crypto";
import type { Report, ReportExemption, ReportFinding, ReportPolicy, SourceLocation } from "./document";
import { disabledP0Policies, failingP0Policies, packsLabel } from "./document";
import { ITEM_STATUSES, ItemResult, ItemStatus, PRIORITY_WEIGHTS } from "../score/score";
import type { Counts } from "../score/score";
import { BarRow, legend, stackedBars, STATUS_LABELS } from "./html/chart";
import { escapeHtml as h, escapeHtmlBlock } from "./html/escape";
import { STYLE } from "./html/style";

export { escapeHtml, escapeHtmlBlock } from "./html/escape";

/** The page's headline, decided as the text report decides it. */
export type PageVerdict = "ready" | "not-ready" | "not-judged";

export function pageVerdict(report: Report): PageVerdict {
    if (report.summary.judged === 0) {
        return "not-judged";
    }
    return report.summary.passed ? "ready" : "not-ready";
}

const VERDICT_TEXT: Record<PageVerdict, string> = { "ready": "Ready", "not-ready": "Not ready", "not-judged": "Not judged" };
const GO_LIVE_TEXT = { "ready": "go-live ready", "conditional": "conditional", "not-ready": "not ready" } as const;
const SOURCE_KIND = { "preview": "program", "manifests": "manifests", "event-log": "event log", "preview-json": "preview", "state": "stack export" } as const;

/** The Content-Security-Policy of the page: nothing may load or run; only its own style sheet applies. */
export function contentSecurityPolicy(style: string = STYLE): string {
    const hash = createHash("sha256").update(style, "utf8").digest("base64");
    return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

function percent(numerator: number, denominator: number): number | undefined {
    return denominator === 0 ? undefined : Math.round((1000 * numerator) / denominator) / 10;
}

/** A row's score as docs/readiness-score.md defines it: weighted passing share of the enforced items. */
function weightedScore(items: readonly ItemResult[]): number | undefined {
    let enforced = 0;
    let passing = 0;
    for (const item of items) {
        if (item.status !== "not-enforced" && item.status !== "not-infrastructure") {
            enforced += PRIORITY_WEIGHTS[item.priority];
            passing += item.status === "passing" ? PRIORITY_WEIGHTS[item.priority] : 0;
        }
    }
    return percent(passing, enforced);
}

/** A row's score from its counts alone (every item of the row weighs the same). */
function countsScore(c: Counts): number | undefined {
    return percent(c.passing, c.passing + c.failing + c.exempt + c.unknown);
}

function total(c: Counts): number {
    return ITEM_STATUSES.reduce((sum, s) => sum + c[s], 0);
}

function place(location: SourceLocation | undefined): string {
    return location ? `<span class="loc mono">${h(`${location.file}:${location.line}${location.column ? `:${location.column}` : ""}`)}</span>` : "";
}

function levelBadge(level: string): string {
    const known = level === "mandatory" || level === "advisory" ? level : "other";
    return `<span class="badge ${known}">${h(level)}</span>`;
}

function severityBadge(severity: string): string {
    const known = ["low", "medium", "high", "critical"].includes(severity) ? severity : "other";
    return `<span class="badge ${known}">${h(severity || "none")}</span>`;
}

interface ResourceGroup {
    urn: string | undefined;
    type?: string;
    name?: string;
    location?: SourceLocation;
    findings: ReportFinding[];
    mandatory: number;
}

/** Findings grouped by the resource they are about (the stack for a stack policy's finding without one). */
function byResource(findings: readonly ReportFinding[]): ResourceGroup[] {
    const groups = new Map<string, ResourceGroup>();
    for (const f of findings) {
        const key = f.urn ?? "";
        let group = groups.get(key);
        if (!group) {
            group = { urn: f.urn, type: f.type, name: f.name, findings: [], mandatory: 0 };
            groups.set(key, group);
        }
        group.location ??= f.location;
        group.findings.push(f);
        group.mandatory += f.outcome === "violation" && f.enforcementLevel === "mandatory" ? 1 : 0;
    }
    // Resources with a mandatory violation first, then by type and name.
    return [...groups.values()].sort((a, b) => (b.mandatory > 0 ? 1 : 0) - (a.mandatory > 0 ? 1 : 0)
        || (a.type ?? "").localeCompare(b.type ?? "") || (a.name ?? "").localeCompare(b.name ?? ""));
}

function resourceLabel(item: { type?: string; name?: string; location?: SourceLocation }): string {
    return item.name
        ? `<span class="rtype mono">${h(item.type ?? "resource")}</span> <span class="rname">${h(item.name)}</span> ${place(item.location)}`
        : `<span class="rname">stack</span> <span class="muted">(a stack policy)</span>`;
}

function hero(report: Report, verdict: PageVerdict): string {
    const s = report.summary;
    const score = report.score;
    const causes = [s.mandatory > 0 ? plural(s.mandatory, "mandatory violation") : "", s.notVerified > 0 ? `${s.notVerified} not verified` : ""].filter(Boolean);
    const why = verdict === "not-judged"
        ? "No enabled policy looked at any object of this run: it proves nothing."
        : verdict === "not-ready"
            ? `${causes.join(" and ")} fail${s.mandatory + s.notVerified === 1 ? "s" : ""} the run.`
            : (s.baselined ?? 0) + (s.untouched ?? 0) > 0
                ? `No new mandatory violation and nothing new left not verified, so the run passes; existing debt fails no gate (${s.baselined ?? 0} baselined, ${s.untouched ?? 0} on untouched resources).`
            : score.verdict === "not-ready"
                ? `No mandatory violation and nothing left not verified, so the run passes; but P0 checklist items fail through advisory policies only (${failingP0Policies(report).join(", ")}). ` +
                  `Disabled P0 policies: ${disabledP0Policies(report).join(", ") || "none"}.`
                : "No mandatory violation, and every mandatory policy judged every resource it applies to.";
    return `<section class="hero ${verdict}" aria-label="verdict"><div class="grow">` +
        `<h1>prodready · ${h(`${report.pack.name}@v${report.pack.version}`)}${report.source.target ? ` · ${h(SOURCE_KIND[report.source.kind])} <span class="mono">${h(report.source.target)}</span>` : ""}</h1>` +
        `<p class="verdict" id="verdict" data-verdict="${verdict}">${VERDICT_TEXT[verdict]}</p>` +
        `<p class="why">${h(why)} Go-live checklist: <strong id="go-live" data-verdict="${h(score.verdict)}">${h(GO_LIVE_TEXT[score.verdict] ?? score.verdict)}</strong> (${h(score.verdictReason)}).</p></div>` +
        `<div class="scorebox"><div class="big"><span id="score">${score.score}</span>%</div><div class="small">readiness score</div></div>` +
        `<div class="scorebox"><div class="big"><span id="coverage">${score.coverage}</span>%</div><div class="small">checklist coverage</div></div></section>`;
}

function tiles(report: Report): string {
    const s = report.summary;
    const tile = (cls: string, id: string, n: number, label: string) =>
        `<div class="tile ${cls}"><span class="n" id="count-${id}">${n}</span><span class="l">${label}</span></div>`;
    return `<div class="tiles">` +
        tile("mandatory", "mandatory", s.mandatory, "mandatory violations") +
        tile("not-verified", "notVerified", s.notVerified, "not verified (mandatory, unknown during preview)") +
        tile("advisory", "advisory", s.advisory, "advisory violations") +
        tile("unknown", "unknown", s.unknown, "unknown during preview") +
        tile("exempt", "exempt", s.exempt, "exempt") +
        (s.baselined !== undefined ? tile("exempt", "baselined", s.baselined, "baselined (existing debt)") : "") +
        (s.untouched !== undefined ? tile("exempt", "untouched", s.untouched, "on untouched resources") : "") +
        tile("judged", "judged", s.judged, "objects judged") +
        tile("", "policies", s.policies, "policies enabled") +
        `</div>`;
}

function countsTable(id: string, heading: string, rows: ReadonlyArray<{ key: string; label: string; counts: Counts; score: number | undefined }>): string {
    const head = `<tr><th>${heading}</th>${ITEM_STATUSES.map((st) => `<th class="num">${STATUS_LABELS[st]}</th>`).join("")}<th class="num">score</th></tr>`;
    const body = rows.map((r) => `<tr id="${id}-${h(r.key)}"><th>${h(r.label)}</th>${ITEM_STATUSES.map((st) => `<td class="num">${r.counts[st]}</td>`).join("")}` +
        `<td class="num">${r.score === undefined ? "—" : `${r.score}%`}</td></tr>`).join("");
    return `<table class="counts"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function readiness(report: Report): string {
    const score = report.score;
    // The items carry each one's priority, so a category's score can be weighted like the total;
    // a report whose items were left out falls back to the counts.
    const complete = score.items.length === total(score.totals);
    const priorities = (["P0", "P1", "P2"] as const).map((p) => ({ key: p, label: p, counts: score.byPriority[p], score: countsScore(score.byPriority[p]) }));
    const itemsByCategory = new Map<string, ItemResult[]>();
    for (const item of score.items) {
        const list = itemsByCategory.get(item.category);
        if (list) {
            list.push(item);
        } else {
            itemsByCategory.set(item.category, [item]);
        }
    }
    const categories = Object.entries(score.byCategory).map(([category, counts]) => ({ key: category, label: category, counts,
        score: complete ? weightedScore(itemsByCategory.get(category) ?? []) : countsScore(counts) }));
    const rows = (list: ReadonlyArray<{ label: string; counts: Counts; score: number | undefined }>): BarRow[] => list.map((r) => ({ label: r.label, counts: r.counts, score: r.score }));
    return `<section id="readiness"><h2>Readiness score</h2>` +
        `<p><strong>${score.score}%</strong> of the enforced checklist items pass (P0 items weigh 3, P1 2, P2 1); the pack enforces <strong>${score.coverage}%</strong> of the checklist's infrastructure items.</p>` +
        legend() +
        `<h3>By priority</h3>${stackedBars(rows(priorities), "Checklist items by go-live priority")}` +
        `<h3>By category</h3>${stackedBars(rows(categories), "Checklist items by category")}` +
        `<details><summary>The numbers</summary>${countsTable("priority", "Priority", priorities)}${countsTable("category", "Category", categories)}</details>` +
        `</section>`;
}

/** The cells a row repeats for every finding of a policy, made once per policy, level and severity. */
class RowCells {
    private readonly cache = new Map<string, string>();
    constructor(private readonly policyAnchor: ReadonlyMap<string, string>) {}

    private cached(key: string, make: () => string): string {
        let cell = this.cache.get(key);
        if (cell === undefined) {
            cell = make();
            this.cache.set(key, cell);
        }
        return cell;
    }

    lead(f: ReportFinding): string {
        return this.cached(`${f.outcome}\u0000${f.notVerified ? "not-verified" : ""}\u0000${f.enforcementLevel}\u0000${f.policy}\u0000${f.severity}`, () => {
            const anchor = this.policyAnchor.get(f.policy);
            const policy = anchor ? `<a class="mono" href="#${anchor}">${h(f.policy)}</a>` : `<span class="mono">${h(f.policy)}</span>`;
            const level = f.notVerified ? `<span class="badge not-verified">not verified</span>`
                : f.outcome === "unknown" ? `<span class="badge unknown">unknown</span>` : levelBadge(f.enforcementLevel);
            return `<tr><td>${level}</td><td>${policy}</td><td>${severityBadge(f.severity)}</td>`;
        });
    }
}

function findingRows(findings: readonly ReportFinding[], cells: RowCells): string {
    const rows: string[] = [];
    for (const f of findings) {
        const message = f.notVerified ? `${escapeHtmlBlock(f.notVerified.reason)}<br><span class="muted">${escapeHtmlBlock(f.message)}</span>` : escapeHtmlBlock(f.message);
        rows.push(`${cells.lead(f)}<td class="msg">${message}</td></tr>`);
    }
    return rows.join("");
}

const FINDINGS_HEAD = `<thead><tr><th>Level</th><th>Policy</th><th>Severity</th><th>Message</th></tr></thead>`;
/** Past this many resources the groups start closed, so a huge page opens quickly. */
const OPEN_GROUPS = 200;

function resourceGroups(id: string, title: string, intro: string, findings: readonly ReportFinding[], policyAnchor: ReadonlyMap<string, string>, empty: string): string {
    const parts: string[] = [`<section id="${id}"><h2>${title} <span class="muted">(${findings.length})</span></h2>`];
    if (findings.length === 0) {
        parts.push(`<p class="empty">${empty}</p></section>`);
        return parts.join("");
    }
    parts.push(`<p class="muted">${intro}</p>`);
    const cells = new RowCells(policyAnchor);
    byResource(findings).forEach((g, i) => {
        const counts = g.mandatory > 0 ? `<span class="badge mandatory">${g.mandatory} mandatory</span>` : "";
        parts.push(`<details class="resource"${i < OPEN_GROUPS ? " open" : ""}><summary>${counts}${resourceLabel(g)} <span class="muted">${plural(g.findings.length, "finding")}</span></summary>` +
            (g.urn ? `<p class="urn">URN <code>${h(g.urn)}</code></p>` : "") +
            `<table class="findings">${FINDINGS_HEAD}<tbody>${findingRows(g.findings, cells)}</tbody></table></details>`);
    });
    parts.push("</section>");
    return parts.join("");
}

function exemptionsSection(exemptions: readonly ReportExemption[]): string {
    if (exemptions.length === 0) {
        return `<section id="exemptions"><h2>Exemptions <span class="muted">(0)</span></h2><p class="empty">No exemption applied.</p></section>`;
    }
    const rows = exemptions.map((e) => `<tr><td class="mono">${h(e.policy)}</td><td>${resourceLabel(e)}${e.urn ? `<div class="urn"><code>${h(e.urn)}</code></div>` : ""}</td>` +
        `<td class="msg">${escapeHtmlBlock(e.reason)}</td><td>${h(e.source)}</td><td>${e.expires ? h(e.expires) : `<span class="muted">never</span>`}</td></tr>`);
    return `<section id="exemptions"><h2>Exemptions <span class="muted">(${exemptions.length})</span></h2>` +
        `<p class="muted">Resources a policy skipped because an exemption with a reason applied: accepted debt, not a pass.</p>` +
        `<table><thead><tr><th>Policy</th><th>Resource</th><th>Reason</th><th>Source</th><th>Expires</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function policiesSection(report: Report, violated: readonly ReportPolicy[], anchors: ReadonlyMap<string, string>, counts: ReadonlyMap<string, number>): string {
    if (violated.length === 0) {
        return "";
    }
    const entries = violated.map((p) => `<div class="card" id="${anchors.get(p.name)}"><h3 class="mono">${h(p.name)}</h3>` +
        `<p>${levelBadge(p.enforcementLevel)} ${severityBadge(p.severity)} ${p.priority ? `<span class="badge">${h(p.priority)}</span>` : ""} <span class="muted">${plural(counts.get(p.name) ?? 0, "violation")}</span></p>` +
        `<p>${escapeHtmlBlock(p.description)}</p><p class="msg"><strong>How to fix:</strong> ${escapeHtmlBlock(p.remediationSteps)}</p>` +
        (p.checklist.length ? `<p class="muted">Checklist: ${p.checklist.map((c) => `<code>${h(c)}</code>`).join(", ")}</p>` : "") + `</div>`);
    return `<section id="policies"><h2>Policies to fix</h2>${entries.join("")}</section>`;
}

const STATUS_ORDER: Record<ItemStatus, number> = { "failing": 0, "unknown": 1, "exempt": 2, "passing": 3, "not-enforced": 4, "not-infrastructure": 5 };
const PRIORITY_ORDER = { P0: 0, P1: 1, P2: 2 } as const;

function coverageSection(report: Report): string {
    const s = report.summary;
    const score = report.score;
    const enforced = score.items.filter((i) => i.status !== "not-enforced" && i.status !== "not-infrastructure")
        .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.id.localeCompare(b.id));
    const enforcedCount = total(score.totals) - score.totals["not-enforced"] - score.totals["not-infrastructure"];
    const types = (s.notJudgedTypes.length
        ? `<p>No enabled policy looks at these types, so nothing is said about them: ${s.notJudgedTypes.map((t) => `<code>${h(t)}</code>`).join(", ")}</p>` : "") +
        (s.unexpandedTypes?.length ? `<p id="unexpanded">Not constructed (accepted with --allow-unexpanded, nothing inside judged): ${s.unexpandedTypes.map((t) => `<code>${h(t)}</code>`).join(", ")}</p>` : "") +
        (s.standInFunctions?.length ? `<p id="stand-ins">${h(standInLine(s.standInFunctions))}</p>` : "");
    const items = enforced.map((i) => `<tr><td><span class="badge ${h(i.status)}">${h(STATUS_LABELS[i.status] ?? i.status)}</span></td><td>${h(i.priority)}</td><td>${h(i.category)}</td>` +
        `<td>${h(i.text)} <code class="muted">${h(i.id)}</code></td><td>${i.policies.map((p) => `<code>${h(p)}</code>`).join("<br>")}</td></tr>`);
    return `<section id="coverage-section"><h2>Coverage</h2>` +
        `<dl class="facts"><dt>Judged</dt><dd><span id="cov-judged">${s.judged}</span> ${s.judged === 1 ? "object" : "objects"} (an enabled policy looks at their type, or reported on them)</dd>` +
        `<dt>Not judged</dt><dd><span id="cov-not-judged">${s.notJudged}</span> (no enabled policy looks at them)</dd>` +
        `<dt>Not policy subjects</dt><dd><span id="cov-not-subjects">${s.notPolicySubjects}</span> (providers, the stack, components)</dd>` +
        `<dt>Checklist items enforced</dt><dd><span id="items-enforced">${enforcedCount}</span> of ${total(score.totals)} ` +
        `(${score.totals["not-enforced"]} not yet enforced, ${score.totals["not-infrastructure"]} not infrastructure: check those by hand)</dd></dl>${types}` +
        (items.length ? `<details><summary>The enforced checklist items (${items.length})</summary><table><thead><tr><th>Status</th><th>Priority</th><th>Category</th><th>Item</th><th>Policies</th></tr></thead><tbody>${items.join("")}</tbody></table></details>` : "") +
        `</section>`;
}

function factsSection(report: Report): string {
    const s = report.summary;
    const levels = new Map<string, number>();
    for (const p of report.policies) {
        levels.set(p.enforcementLevel, (levels.get(p.enforcementLevel) ?? 0) + 1);
    }
    const fact = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
    return `<section id="facts"><h2>Run</h2><dl class="facts">` +
        fact(report.packs ? "Policy packs" : "Policy pack", `<span class="mono">${h(packsLabel(report))}</span>`) +
        fact("Judged", `${h(SOURCE_KIND[report.source.kind])}${report.source.target ? ` <span class="mono">${h(report.source.target)}</span>` : ""}`) +
        (s.resources === undefined ? "" : fact("Resources", String(s.resources))) +
        fact("Policies", `${s.policies} enabled` + ([...levels].length ? ` (${[...levels].sort().map(([l, n]) => `${n} ${h(l)}`).join(", ")})` : "")) +
        fact("Other not applicable", String(report.notApplicable.length)) +
        fact("Tool", `${h(report.tool.name)} ${h(report.tool.version)}, report schema ${h(report.schemaVersion)}`) +
        `</dl></section>`;
}

/** The whole page. */
export function renderHtml(report: Report): string {
    const verdict = pageVerdict(report);
    const violations: ReportFinding[] = [];
    const notVerified: ReportFinding[] = [];
    const unknowns: ReportFinding[] = [];
    const debt: ReportFinding[] = [];
    const violationsByPolicy = new Map<string, number>();
    for (const f of report.findings) {
        if (f.debt) {
            // Existing debt has a section of its own, each row saying why it fails no gate.
            debt.push({ ...f, message: `${debtNote(f)}. ${f.notVerified ? f.notVerified.reason : f.message}` });
        } else if (f.notVerified) {
            notVerified.push(f);
        } else if (f.outcome === "unknown") {
            unknowns.push(f);
        } else {
            violations.push(f);
            violationsByPolicy.set(f.policy, (violationsByPolicy.get(f.policy) ?? 0) + 1);
        }
    }
    // Anchors are numbered, never made from names, so nothing from the run reaches an id or href.
    const violated = report.policies.filter((p) => violationsByPolicy.has(p.name))
        .sort((a, b) => (a.enforcementLevel === "mandatory" ? 0 : 1) - (b.enforcementLevel === "mandatory" ? 0 : 1) || a.name.localeCompare(b.name));
    const anchors = new Map(violated.map((p, i) => [p.name, `policy-${i + 1}`]));
    const title = `prodready: ${VERDICT_TEXT[verdict]} — ${report.pack.name}@v${report.pack.version}`;
    return [
        "<!DOCTYPE html>",
        `<html lang="en"><head><meta charset="utf-8">`,
        `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
        `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">`,
        `<title>${h(title)}</title><style>${STYLE}</style></head><body><main>`,
        hero(report, verdict),
        tiles(report),
        `<nav class="toc card" aria-label="contents"><a href="#readiness">Readiness score</a><a href="#violations">Violations</a><a href="#not-verified">Not verified</a><a href="#unknown">Unknown during preview</a>` +
        `<a href="#exemptions">Exemptions</a>${violated.length ? `<a href="#policies">Policies to fix</a>` : ""}<a href="#coverage-section">Coverage</a><a href="#facts">Run</a></nav>`,
        readiness(report),
        resourceGroups("violations", "Violations", "Grouped by resource; resources with a mandatory violation first.", violations, anchors, "No violation."),
        resourceGroups("not-verified", "Not verified", "A mandatory policy read a value the preview cannot know yet (an ID, an ARN), so it could not judge the resource: the run fails, " +
            "unless the policy-pack config lets the policy pass it (<code>allowUnknown</code>).", notVerified, anchors, "Every mandatory policy judged every resource it applies to."),
        resourceGroups("unknown", "Unknown during preview", "A policy read a value the preview cannot know yet (an ID, an ARN): neither a pass nor a violation until the update; " +
            "the run does not fail on these (advisory policies, or allowed by the policy-pack config).", unknowns, anchors, "No other value was unknown to a policy."),
        exemptionsSection(report.exemptions),
        ...(report.baseline || report.changedOnly ? [resourceGroups("debt", "Existing debt", "Findings a baseline entry accepts, or (--changed-only) on resources this change leaves alone: " +
            "not a pass, but they fail no gate. " + adoptionLines(report).map(h).join(" "), debt, anchors, "No existing debt.")] : []),
        policiesSection(report, violated, anchors, violationsByPolicy),
        coverageSection(report),
        factsSection(report),
        "</main></body></html>",
        "",
    ].join("\n");
}
