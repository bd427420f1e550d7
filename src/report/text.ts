import type { Report } from "./document";
import { findingsByPolicy, where } from "./document";
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
        `; not policy subjects (providers, stack, components): ${s.notPolicySubjects}`;
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
    const packLabel = visibleLine(`${report.pack.name}@v${report.pack.version}`);
    const kind = { "preview": "program", "manifests": "manifests", "event-log": "event log", "preview-json": "preview" }[report.source.kind];
    const source = options.source ?? (report.source.target ? `${kind}: ${visibleLine(report.source.target)}` : undefined);
    lines.push(style.bold("Policies:"));
    lines.push(`    ${summary.passed ? "✅" : style.red("❌")} ${packLabel}${source ? style.dim(` (${source})`) : ""}`);
    for (const group of findingsByPolicy(report)) {
        for (const f of group.findings) {
            const tag = f.outcome === "unknown" ? style.dim("[unknown]") : f.enforcementLevel === "mandatory" ? style.red("[mandatory]") : style.yellow(`[${f.enforcementLevel}]`);
            lines.push(`        - ${tag}  ${style.bold(visibleLine(group.name))}  (${visibleLine(where(f))})${f.location ? `  ${visibleLine(formatLocation(f.location))}` : ""}`);
            if (group.policy) {
                lines.push(`          ${indented(group.policy.description, "          ")}`);
            }
            lines.push(`          ${indented(f.message, "          ")}`);
        }
    }
    for (const e of report.exemptions) {
        lines.push(`        - ${style.dim("[exempt]")}  ${style.bold(visibleLine(e.policy))}  (${visibleLine(where(e))})${e.location ? `  ${visibleLine(formatLocation(e.location))}` : ""}`);
        lines.push(`          ${indented(e.reason, "          ")} ${style.dim(`(${visibleLine(e.source)}${e.expires ? `, expires ${visibleLine(e.expires)}` : ""})`)}`);
    }
    lines.push("");
    lines.push(`${summary.resources === undefined ? "Resources" : `${summary.resources} resources`} analyzed by ${summary.policies} policies: ` +
        `${summary.mandatory} mandatory violation${summary.mandatory === 1 ? "" : "s"}, ` +
        `${summary.advisory} advisory, ${summary.unknown} unknown during preview, ${summary.exempt} exempt`);
    lines.push(summary.notJudged > 0 ? style.yellow(coverageLine(report)) : coverageLine(report));
    lines.push(...scoreLines(report));
    return lines.join("\n") + "\n";
}
