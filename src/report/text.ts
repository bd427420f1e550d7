import type { Report } from "./document";
import { allowedUnknowns, disabledP0Policies, failingP0Policies, findingsByPolicy, packsLabel, where } from "./document";
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
    return `${plural(s.mandatory, "mandatory violation")}, ${s.advisory} advisory, ` +
        `${s.unknown} unknown during preview${s.notVerified > 0 ? ` (${s.notVerified} not verified)` : ""}, ${s.exempt} exempt`;
}

/**
 * Why the gate (the exit code) is what it is, in one line; when it passes with a not-ready verdict,
 * a second line lists the disabled policies that cite a P0 checklist item.
 */
export function gateLines(report: Report): string[] {
    const s = report.summary;
    if (!s.passed) {
        const causes = [s.mandatory > 0 ? plural(s.mandatory, "mandatory violation") : "", s.notVerified > 0 ? `${s.notVerified} not verified` : ""].filter(Boolean);
        return [`Gate: fails (exit 1): ${causes.join(" and ")}` +
            (s.notVerified > 0 ? " (a mandatory policy could not judge a resource during preview; allowUnknown in the policy-pack config lets that pass)" : "")];
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
    const kind = { "preview": "program", "manifests": "manifests", "event-log": "event log", "preview-json": "preview" }[report.source.kind];
    const source = options.source ?? (report.source.target ? `${kind}: ${visibleLine(report.source.target)}` : undefined);
    lines.push(style.bold("Policies:"));
    // A success mark only when the go-live verdict agrees: a passing gate with a not-ready verdict is a warning.
    const mark = !summary.passed ? style.red("❌") : report.score.verdict === "not-ready" ? style.yellow("⚠️") : "✅";
    lines.push(`    ${mark} ${packLabel}${source ? style.dim(` (${source})`) : ""}`);
    for (const group of findingsByPolicy(report)) {
        for (const f of group.findings) {
            const tag = f.notVerified ? style.red("[not verified]")
                : f.outcome === "unknown" ? style.dim("[unknown]") : f.enforcementLevel === "mandatory" ? style.red("[mandatory]") : style.yellow(`[${f.enforcementLevel}]`);
            lines.push(`        - ${tag}  ${style.bold(visibleLine(group.name))}  (${visibleLine(where(f))})${f.location ? `  ${visibleLine(formatLocation(f.location))}` : ""}` +
                (f.pack && f.pack !== report.pack.name ? style.dim(`  [pack ${visibleLine(f.pack)}]`) : ""));
            if (group.policy) {
                lines.push(`          ${indented(group.policy.description, "          ")}`);
            }
            lines.push(`          ${indented(f.notVerified ? f.notVerified.reason : f.message, "          ")}`);
        }
    }
    for (const e of report.exemptions) {
        lines.push(`        - ${style.dim("[exempt]")}  ${style.bold(visibleLine(e.policy))}  (${visibleLine(where(e))})${e.location ? `  ${visibleLine(formatLocation(e.location))}` : ""}`);
        lines.push(`          ${indented(e.reason, "          ")} ${style.dim(`(${visibleLine(e.source)}${e.expires ? `, expires ${visibleLine(e.expires)}` : ""})`)}`);
    }
    lines.push("");
    lines.push(`${summary.resources === undefined ? "Resources" : `${summary.resources} resources`} analyzed by ${summary.policies} policies: ${countsText(report)}`);
    const gate = gateLines(report);
    lines.push(summary.passed ? (report.score.verdict === "not-ready" ? style.yellow(gate[0]) : gate[0]) : style.red(gate[0]), ...gate.slice(1));
    lines.push(summary.notJudged > 0 ? style.yellow(coverageLine(report)) : coverageLine(report));
    lines.push(...scoreLines(report));
    return lines.join("\n") + "\n";
}
