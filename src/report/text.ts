import type { Analysis } from "../analyzer/session";
import { groupFindings, summarize } from "./model";

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

/** The human summary, laid out like `pulumi preview`'s Policies section. */
export function renderText(analysis: Analysis, options: { color?: boolean; source?: string } = {}): string {
    const style = options.color ? ansi : plain;
    const summary = summarize(analysis);
    const lines: string[] = [];
    const packLabel = `${analysis.pack.name}@v${analysis.pack.version}`;
    const failed = summary.mandatory > 0;
    lines.push(style.bold("Policies:"));
    lines.push(`    ${failed ? style.red("❌") : "✅"} ${packLabel}${options.source ? style.dim(` (${options.source})`) : ""}`);
    for (const group of groupFindings(analysis.findings)) {
        for (const resource of group.resources) {
            const where = resource.name ? `${resource.type}: ${resource.name}` : "stack";
            for (const f of resource.findings) {
                const tag = f.outcome === "unknown" ? style.dim("[unknown]") : f.level === "mandatory" ? style.red("[mandatory]") : style.yellow(`[${f.level}]`);
                lines.push(`        - ${tag}  ${style.bold(group.policy)}  (${where})`);
                lines.push(`          ${group.description}`);
                lines.push(`          ${f.message}`);
            }
        }
    }
    lines.push("");
    lines.push(`${summary.resources} resources analyzed by ${summary.policies} policies: ` +
        `${summary.mandatory} mandatory violation${summary.mandatory === 1 ? "" : "s"}, ` +
        `${summary.advisory} advisory, ${summary.unknown} unknown during preview`);
    return lines.join("\n") + "\n";
}
