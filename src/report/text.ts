import type { Report } from "./document";
import { findingsByPolicy, where } from "./document";

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

/** The human summary, laid out like `pulumi preview`'s Policies section. */
export function renderText(report: Report, options: { color?: boolean; source?: string } = {}): string {
    const style = options.color ? ansi : plain;
    const summary = report.summary;
    const lines: string[] = [];
    const packLabel = `${report.pack.name}@v${report.pack.version}`;
    const kind = { "preview": "program", "manifests": "manifests", "event-log": "event log", "preview-json": "preview" }[report.source.kind];
    const source = options.source ?? (report.source.target ? `${kind}: ${report.source.target}` : undefined);
    lines.push(style.bold("Policies:"));
    lines.push(`    ${summary.passed ? "✅" : style.red("❌")} ${packLabel}${source ? style.dim(` (${source})`) : ""}`);
    for (const group of findingsByPolicy(report)) {
        for (const f of group.findings) {
            const tag = f.outcome === "unknown" ? style.dim("[unknown]") : f.enforcementLevel === "mandatory" ? style.red("[mandatory]") : style.yellow(`[${f.enforcementLevel}]`);
            lines.push(`        - ${tag}  ${style.bold(group.name)}  (${where(f)})`);
            if (group.policy) {
                lines.push(`          ${group.policy.description}`);
            }
            lines.push(`          ${f.message}`);
        }
    }
    for (const e of report.exemptions) {
        lines.push(`        - ${style.dim("[exempt]")}  ${style.bold(e.policy)}  (${where(e)})`);
        lines.push(`          ${e.reason} ${style.dim(`(${e.source}${e.expires ? `, expires ${e.expires}` : ""})`)}`);
    }
    lines.push("");
    lines.push(`${summary.resources === undefined ? "Resources" : `${summary.resources} resources`} analyzed by ${summary.policies} policies: ` +
        `${summary.mandatory} mandatory violation${summary.mandatory === 1 ? "" : "s"}, ` +
        `${summary.advisory} advisory, ${summary.unknown} unknown during preview, ${summary.exempt} exempt`);
    lines.push(...scoreLines(report));
    return lines.join("\n") + "\n";
}
