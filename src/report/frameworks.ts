// A report's findings grouped by the controls of one framework (`--group-by <framework>`): for each
// control, the policies mapped to it, their findings and a verdict. Which policy checks which
// control is read from the policies' `framework:` tags, so the grouping follows the pack that ran
// (an event log's pack included); titles come from the catalog (policies/lib/framework-catalog.ts).
import { frameworkControlsOf } from "../../policies/lib/contract";
import { frameworkDefinition, FrameworkId, frameworkLabel, FRAMEWORK_IDS } from "../../policies/lib/frameworks";
import type { ControlFinding, ControlResult, ControlVerdict, FrameworkControls, Report, ReportFinding } from "./document";
import { markdownCode, markdownText, visibleLine } from "./safe";

export { FRAMEWORK_IDS } from "../../policies/lib/frameworks";
export type { FrameworkId } from "../../policies/lib/frameworks";

function verdictOf(enabled: number, findings: readonly ReportFinding[], exemptions: number): ControlVerdict {
    if (enabled === 0) {
        return "not-checked";
    }
    if (findings.some((f) => f.outcome === "violation")) {
        return "failing";
    }
    if (findings.some((f) => f.notVerified)) {
        return "not-verified";
    }
    if (findings.length > 0) {
        return "unknown";
    }
    return exemptions > 0 ? "exempt" : "passing";
}

/** Groups the report's findings by the framework's controls: the catalog's in its order, then any other its policies' tags name. */
export function frameworkControls(report: Report, framework: FrameworkId): FrameworkControls {
    const definition = frameworkDefinition(framework);
    const catalogControls: Readonly<Record<string, { title: string; url?: string }>> = definition.controls;
    const byControl = new Map<string, Array<{ name: string; enforcementLevel: string }>>(Object.keys(catalogControls).map((id) => [id, []]));
    const mapped = new Set<string>();
    for (const policy of report.policies) {
        for (const control of frameworkControlsOf(policy.tags, framework)) {
            if (!byControl.has(control)) {
                byControl.set(control, []);
            }
            byControl.get(control)!.push({ name: policy.name, enforcementLevel: policy.enforcementLevel });
            mapped.add(policy.name);
        }
    }
    const controls = [...byControl].map(([id, policies]): ControlResult => {
        const names = new Set(policies.map((p) => p.name));
        const findings = report.findings.filter((f) => names.has(f.policy));
        const exemptions = report.exemptions.filter((e) => names.has(e.policy)).length;
        const known = catalogControls[id];
        return {
            id,
            ...(known ? { title: known.title, ...(known.url ? { url: known.url } : {}) } : {}),
            verdict: verdictOf(policies.filter((p) => p.enforcementLevel !== "disabled").length, findings, exemptions),
            policies,
            findings: findings.map((f) => ({
                policy: f.policy, outcome: f.outcome, enforcementLevel: f.enforcementLevel,
                ...(f.urn ? { urn: f.urn } : {}), ...(f.type ? { type: f.type } : {}), ...(f.name ? { name: f.name } : {}),
                ...(f.notVerified ? { notVerified: true as const } : {}),
            })),
            exemptions,
        };
    });
    const unmapped = report.findings.filter((f) => !mapped.has(f.policy));
    return {
        framework: { id: framework, name: definition.name, version: definition.version, url: definition.url },
        controls,
        unmapped: { findings: unmapped.length, policies: [...new Set(unmapped.map((f) => f.policy))].sort() },
    };
}

/** The report with its findings grouped by the framework's controls, for the formats that show them. */
export function withFrameworkControls(report: Report, framework: FrameworkId | undefined): Report {
    return framework ? { ...report, frameworkControls: frameworkControls(report, framework) } : report;
}

/** `--group-by` values: the catalog's frameworks. */
export const GROUP_BY_CHOICES: readonly string[] = FRAMEWORK_IDS;

const VERDICT_TEXT: Record<ControlVerdict, string> = {
    "failing": "failing", "not-verified": "not verified", "unknown": "unknown during preview", "exempt": "exempt", "passing": "passing", "not-checked": "not checked",
};

/** The finding's level as the text and Markdown reports tag it. */
function levelOf(f: ControlFinding): string {
    return f.notVerified ? "not verified" : f.outcome === "unknown" ? "unknown" : f.enforcementLevel;
}

function where(f: ControlFinding): string {
    return f.name ? `${f.type ?? "resource"}: ${f.name}` : "stack";
}

interface Marks {
    bold: (s: string) => string;
    red: (s: string) => string;
    yellow: (s: string) => string;
    dim: (s: string) => string;
}

function label(fc: FrameworkControls): string {
    return frameworkLabel(fc.framework.id);
}

/** The text report's section: each control with its verdict, and the findings under it. */
export function frameworkControlLines(fc: FrameworkControls, style: Marks): string[] {
    const lines = ["", style.bold(`    By ${visibleLine(label(fc))} control:`)];
    for (const c of fc.controls) {
        const verdict = VERDICT_TEXT[c.verdict];
        const shown = c.verdict === "failing" || c.verdict === "not-verified" ? style.red(verdict)
            : c.verdict === "unknown" || c.verdict === "not-checked" ? style.yellow(verdict) : verdict;
        lines.push(`        ${style.bold(visibleLine(c.id))}  ${visibleLine(c.title ?? "(not in the catalog)")}: ${shown}` +
            style.dim(`  (${c.policies.map((p) => visibleLine(p.enforcementLevel === "disabled" ? `${p.name}, disabled` : p.name)).join("; ") || "no policy ran"})`));
        for (const f of c.findings) {
            lines.push(`            - [${levelOf(f)}]  ${visibleLine(f.policy)}  (${visibleLine(where(f))})`);
        }
        if (c.exemptions > 0) {
            lines.push(style.dim(`            ${c.exemptions} exempt`));
        }
    }
    if (fc.unmapped.findings > 0) {
        lines.push(`        Mapped to no control: ${fc.unmapped.findings} finding${fc.unmapped.findings === 1 ? "" : "s"} of ${fc.unmapped.policies.map(visibleLine).join(", ")}`);
    }
    return lines;
}

const VERDICT_MARK: Record<ControlVerdict, string> = {
    "failing": "❌", "not-verified": "❌", "unknown": "❔", "exempt": "➖", "passing": "✅", "not-checked": "⚪",
};

/** The Markdown comment's section: one row per control, with its verdict and counts. */
export function frameworkControlMarkdown(fc: FrameworkControls): string[] {
    const lines = [`### By ${markdownText(label(fc))} control`, "", "| Control | Verdict | Violations | Unknown | Exempt | Policies |", "| --- | --- | --- | --- | --- | --- |"];
    for (const c of fc.controls) {
        const violations = c.findings.filter((f) => f.outcome === "violation");
        const mandatory = violations.filter((f) => f.enforcementLevel === "mandatory").length;
        const title = c.title ? ` ${markdownText(c.title)}` : "";
        const control = c.url && /^https:\/\/[^\s()<>]+$/.test(c.url) ? `[${markdownCode(c.id)}](${c.url})${title}` : `${markdownCode(c.id)}${title}`;
        lines.push(`| ${control} | ${VERDICT_MARK[c.verdict]} ${VERDICT_TEXT[c.verdict]} | ${violations.length}${mandatory > 0 ? ` (${mandatory} mandatory)` : ""} | ` +
            `${c.findings.length - violations.length} | ${c.exemptions} | ${c.policies.map((p) => markdownCode(p.name) + (p.enforcementLevel === "disabled" ? " (disabled)" : "")).join(", ")} |`);
    }
    if (fc.unmapped.findings > 0) {
        lines.push("", `Mapped to no control: ${fc.unmapped.findings} finding${fc.unmapped.findings === 1 ? "" : "s"} of ${fc.unmapped.policies.map(markdownCode).join(", ")}.`);
    }
    lines.push("");
    return lines;
}
