import type { Report, ReportFinding } from "./document";
import { allowedUnknowns, disabledP0Policies, failingP0Policies, findingsByPolicy, findingsByStack, packsLabel, parseUrn, where } from "./document";
import { frameworkControlLines } from "./frameworks";
import { formatLocation } from "./locations";
import { visible, visibleLine } from "./safe";

interface Style {
    bold: (s: string) => string;
    red: (s: string) => string;
    yellow: (s: string) => string;
    dim: (s: string) => string;
}

const plain: Style = { bold: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s };
const ansi: Style = {
    bold: (s) => `\u001b[1m${s}\u001b[22m`,
    red: (s) => `\u001b[31m${s}\u001b[39m`,
    yellow: (s) => `\u001b[33m${s}\u001b[39m`,
    dim: (s) => `\u001b[2m${s}\u001b[22m`,
};

/** The readiness score in two lines: the verdict, then the counts per priority. */
export function scoreLines(report: Report): string[] {
    const s = report.score;
    const p = (k: "P0" | "P1" | "P2") => {
        const c = s.byPriority[k];
        return `${k} ${c.passing} passing, ${c.failing} failing, ${c.exempt} exempt, ${c.unknown} unknown, ${c["not-enforced"]} not yet enforced, ${c["not-infrastructure"]} not infrastructure`;
    };
    return [
        `Readiness: ${s.score}% of enforced checklist items pass (coverage ${s.coverage}%); verdict: ${s.verdict} (${s.verdictReason})`,
        ...(["P0", "P1", "P2"] as const).map((k) => `    ${p(k)}`),
    ];
}

/** How many objects were judged, and how many no enabled policy looks at. */
export function coverageLine(report: Report): string {
    const s = report.summary;
    const types = s.notJudgedTypes.map(visibleLine);
    return `Judged: ${s.judged} object${s.judged === 1 ? "" : "s"}; not judged: ${s.notJudged}` +
        (s.notJudged > 0 ? ` (no enabled policy looks at ${types.slice(0, 10).join(", ")}${types.length > 10 ? `, and ${types.length - 10} more types` : ""})` : "") +
        `; not policy subjects (providers, stack, components): ${s.notPolicySubjects}` +
        (s.unexpandedTypes?.length ? `\nNot constructed (accepted with --allow-unexpanded, nothing inside judged): ${s.unexpandedTypes.map(visibleLine).join(", ")}` : "") +
        (s.standInFunctions?.length ? `\n${standInLine(s.standInFunctions)}` : "");
}

/** The steps of an update against the stack's last state, in the order the engine lists them, and what it deletes. */
export function stepsLine(steps: NonNullable<Report["steps"]>): string {
    const order = ["same", "create", "update", "replace", "delete", "read"] as const;
    const counts = order.filter((s) => steps.counts[s]).map((s) => `${steps.counts[s]} ${s}`);
    const deletes = steps.deletes.slice(0, 10).map((d) => visibleLine(`${d.type}: ${d.name}`));
    return `Steps against ${visibleLine(steps.state)}: ${counts.length ? counts.join(", ") : "none"}` +
        (deletes.length ? `; deleted: ${deletes.join(", ")}${steps.deletes.length > 10 ? `, and ${steps.deletes.length - 10} more` : ""}` : "");
}

/** The heading of a stack's findings when several programs were judged as one estate. */
function stackHeading(section: ReturnType<typeof findingsByStack>[number], style: Style): string {
    const violations = section.findings.filter((f) => f.outcome === "violation");
    const mandatory = violations.filter((f) => f.enforcementLevel === "mandatory").length;
    const counts = `${plural(mandatory, "mandatory violation")}, ${violations.length - mandatory} advisory, ${section.findings.length - violations.length} unknown`;
    return section.stack
        ? `    ${style.bold(`Stack ${visibleLine(`${section.stack.project}/${section.stack.stack}`)}`)}${style.dim(` (program: ${visibleLine(section.stack.target)}, ${plural(section.stack.resources, "resource")})`)}: ${counts}`
        : `    ${style.bold("Across the stacks")}${style.dim(" (stack policies' findings that name no one resource)")}: ${counts}`;
}

/** The provider functions an embedded preview answered with made-up values, for every format's summary. */
export function standInLine(functions: readonly string[]): string {
    const shown = functions.slice(0, 10).map(visibleLine);
    return `Stand-ins: ${plural(functions.length, "provider function")} answered with values of ${functions.length === 1 ? "its" : "their"} result type, not the cloud's: ${shown.join(", ")}${functions.length > 10 ? `, and ${functions.length - 10} more` : ""}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

/** The findings in counts: unknowns not verified are counted among the unknowns, and named. */
export function countsText(report: Report): string {
    const s = report.summary;
    return `${plural(s.mandatory, `${debtKnown(report) ? "new " : ""}mandatory violation`)}, ${s.advisory} advisory, ` +
        `${s.unknown} unknown during preview${s.notVerified > 0 ? ` (${s.notVerified} not verified)` : ""}, ${s.exempt} exempt` +
        (s.baselined !== undefined ? `, ${s.baselined} baselined` : "") + (s.untouched !== undefined ? `, ${s.untouched} on untouched resources` : "");
}

/** Whether the run told existing debt apart (--baseline, --changed-only): the findings that count are then the new ones. */
function debtKnown(report: Report): boolean {
    return report.baseline !== undefined || report.changedOnly !== undefined;
}

/** Existing debt in words: `3 baselined, 2 on untouched resources`. */
function debtText(report: Report): string {
    const s = report.summary;
    return [s.baselined ? `${s.baselined} baselined` : "", s.untouched ? `${s.untouched} on untouched resources` : ""].filter(Boolean).join(", ");
}

/** Where a baseline entry is: `policy on type: name`. */
function entryLabel(e: { policy: string; urn?: string }): string {
    return `${visibleLine(e.policy)} on ${visibleLine(where(e.urn ? { urn: e.urn, ...parseUrn(e.urn) } : {}))}`;
}

/**
 * What the baseline and --changed-only did, one line each: the entries applied and those stale (in
 * one line), each entry that no longer applies and why, and what --changed-only could tell apart.
 */
export function adoptionLines(report: Report): string[] {
    const lines: string[] = [];
    const b = report.baseline;
    if (b) {
        lines.push(`Baseline ${visibleLine(b.file)}: ${b.applied} of ${plural(b.entries, "entry", "entries")} applied` + (b.stale.length > 0
            ? `; ${b.stale.length} stale (the finding is gone: delete ${b.stale.length === 1 ? "it" : "them"}): ${b.stale.map(entryLabel).join(", ")}` : ""));
        // One line per resource and cause: a changed resource brings back all its findings at once.
        const lapsed = new Map<string, Array<(typeof b.lapsed)[number]>>();
        for (const l of b.lapsed) {
            const key = `${l.urn ?? ""}\u0000${l.detail}`;
            lapsed.set(key, [...(lapsed.get(key) ?? []), l]);
        }
        for (const group of lapsed.values()) {
            const first = group[0];
            lines.push(`Baseline: ${group.length === 1 ? "the entry" : `${group.length} entries`} on ${visibleLine(where(first.urn ? { urn: first.urn, ...parseUrn(first.urn) } : {}))} ` +
                `no longer appl${group.length === 1 ? "ies" : "y"}, so ${group.length === 1 ? "its finding is" : "their findings are"} new again: ${visibleLine(first.detail)} (${group.map((l) => visibleLine(l.policy)).join(", ")})`);
        }
    }
    if (report.changedOnly) {
        lines.push(report.changedOnly.stepsKnown
            ? `Changed only: ${plural(report.summary.untouched ?? 0, "finding")} on resources this change leaves alone (step same) fail${report.summary.untouched === 1 ? "s" : ""} no gate`
            : "Changed only: the run knows no resource's step (no event log, no stack state), so every resource counts as touched");
    }
    return lines;
}

/** Why a debt finding fails no gate, in one line, for every format. */
export function debtNote(f: ReportFinding): string {
    if (f.debt?.kind === "baselined") {
        return `baselined: ${f.debt.reason} (until ${f.debt.expires}, or until the resource changes)`;
    }
    return f.debt ? "untouched: the change leaves this resource alone (step same); existing debt, not gated with --changed-only" : "";
}

/**
 * Why the gate (the exit code) is what it is, in one line; when it passes with a not-ready verdict,
 * a second line lists the disabled policies that cite a P0 checklist item.
 */
export function gateLines(report: Report): string[] {
    const s = report.summary;
    if (!s.passed) {
        const causes = [s.mandatory > 0 ? plural(s.mandatory, `${debtKnown(report) ? "new " : ""}mandatory violation`) : "", s.notVerified > 0 ? `${s.notVerified} not verified` : ""].filter(Boolean);
        return [`Gate: fails (exit 1): ${causes.join(" and ")}` +
            (s.notVerified > 0 ? " (a mandatory policy could not judge a resource during preview; allowUnknown in the policy-pack config lets that pass)" : "")];
    }
    const debt = debtText(report);
    if (debt) {
        // The verdict still counts the debt: it is accepted, not fixed.
        return [`Gate: passes (exit 0): no new mandatory violation; existing debt fails no gate (${debt}); verdict: ${report.score.verdict}`];
    }
    if (report.score.verdict === "not-ready") {
        const disabled = disabledP0Policies(report);
        return [
            `Gate: passes (exit 0), but the verdict is not-ready: ${report.score.verdictReason} through advisory policies only ` +
            `(${failingP0Policies(report).map(visibleLine).join(", ")}); make them mandatory to fail the run on them`,
            `Disabled P0 policies: ${disabled.length ? disabled.map(visibleLine).join(", ") : "none"}`,
        ];
    }
    const allowed = allowedUnknowns(report).length;
    return [`Gate: passes (exit 0): no mandatory violation; ` + (allowed > 0
        ? `${allowed} unknown during preview on mandatory policies, let pass by allowUnknown in the policy-pack config`
        : "every mandatory policy judged every resource it applies to")];
}

/** A message on lines of its own under a finding: continuation lines keep the indentation. */
function indented(text: string, indent: string): string {
    return visible(text).split("\n").join(`\n${indent}`);
}

/** The human summary, laid out like `pulumi preview`'s Policies section. */
export function renderText(report: Report, options: { color?: boolean; source?: string } = {}): string {
    const style = options.color ? ansi : plain;
    const summary = report.summary;
    const lines: string[] = [];
    const packLabel = visibleLine(packsLabel(report));
    const kind = { "preview": "program", "manifests": "manifests", "event-log": "event log", "preview-json": "preview", "state": "stack export" }[report.source.kind];
    const source = options.source ?? (report.source.target ? `${kind}: ${visibleLine(report.source.target)}` : undefined);
    lines.push(style.bold("Policies:"));
    // A success mark only when the go-live verdict agrees: a passing gate with a not-ready verdict is a warning.
    const mark = !summary.passed ? style.red("❌") : report.score.verdict === "not-ready" ? style.yellow("⚠️") : "✅";
    lines.push(`    ${mark} ${packLabel}${source ? style.dim(` (${source})`) : ""}`);
    // Existing debt (baselined, untouched) is listed apart, after what the change brings.
    for (const section of findingsByStack({ ...report, findings: report.findings.filter((f) => !f.debt) })) {
        if (report.stacks) {
            lines.push(stackHeading(section, style));
        }
        for (const group of findingsByPolicy({ ...report, findings: section.findings })) {
            for (const f of group.findings) {
                const tag = f.notVerified ? style.red("[not verified]")
                    : f.outcome === "unknown" ? style.dim("[unknown]") : f.enforcementLevel === "mandatory" ? style.red("[mandatory]") : style.yellow(`[${f.enforcementLevel}]`);
                lines.push(`        - ${tag}  ${style.bold(visibleLine(group.name))}  (${visibleLine(where(f))})${f.step ? style.dim(`  [${f.step}]`) : ""}${f.location ? `  ${visibleLine(formatLocation(f.location))}` : ""}` +
                    (f.pack && f.pack !== report.pack.name ? style.dim(`  [pack ${visibleLine(f.pack)}]`) : ""));
                if (group.policy) {
                    lines.push(`          ${indented(group.policy.description, "          ")}`);
                }
                lines.push(`          ${indented(f.notVerified ? f.notVerified.reason : f.message, "          ")}`);
            }
        }
    }
    for (const e of report.exemptions) {
        lines.push(`        - ${style.dim("[exempt]")}  ${style.bold(visibleLine(e.policy))}  (${visibleLine(where(e))})${e.location ? `  ${visibleLine(formatLocation(e.location))}` : ""}`);
        lines.push(`          ${indented(e.reason, "          ")} ${style.dim(`(${visibleLine(e.source)}${e.expires ? `, expires ${visibleLine(e.expires)}` : ""})`)}`);
    }
    for (const f of report.findings.filter((x) => x.debt)) {
        lines.push(`        - ${style.dim(`[${f.debt!.kind}]`)}  ${style.bold(visibleLine(f.policy))}  (${visibleLine(where(f))})${f.location ? `  ${visibleLine(formatLocation(f.location))}` : ""}`);
        lines.push(`          ${indented(f.notVerified ? f.notVerified.reason : f.message, "          ")}`);
        lines.push(`          ${style.dim(visibleLine(debtNote(f)))}`);
    }
    if (report.frameworkControls) {
        lines.push(...frameworkControlLines(report.frameworkControls, style));
    }
    lines.push("");
    lines.push(`${summary.resources === undefined ? "Resources" : `${summary.resources} resources`} analyzed by ${summary.policies} policies: ${countsText(report)}`);
    const gate = gateLines(report);
    lines.push(summary.passed ? (report.score.verdict === "not-ready" ? style.yellow(gate[0]) : gate[0]) : style.red(gate[0]), ...gate.slice(1));
    lines.push(...adoptionLines(report));
    lines.push(summary.notJudged > 0 ? style.yellow(coverageLine(report)) : coverageLine(report));
    if (report.steps) {
        lines.push(stepsLine(report.steps));
    }
    lines.push(...scoreLines(report));
    return lines.join("\n") + "\n";
}
