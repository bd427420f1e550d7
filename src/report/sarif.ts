// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Built with node-sarif-builder,
// typed with @types/sarif. A result points at the line that declares its resource (the program's
// source, or the manifest object) and names the resource as a logical location (its URN); where no
// line is known (the stack, an event log) it points at the project file.
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from "node-sarif-builder";
import type { Log, Result } from "sarif";
import type { Report, ReportPolicy, SourceLocation } from "./document";
import { exemptionFingerprints, findingFingerprints } from "./fingerprint";
import { debtNote } from "./text";

export { resultFingerprint } from "./fingerprint";

/** GitHub ranks alerts by this number (0-10): critical ≥ 9, high ≥ 7, medium ≥ 4. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function level(enforcementLevel: string): Result.level {
    return enforcementLevel === "mandatory" ? "error" : "warning";
}

function rule(policy: ReportPolicy): SarifRuleBuilder {
    const checklist = policy.checklist.length ? `\n\nChecklist items: ${policy.checklist.join(", ")}.` : "";
    return new SarifRuleBuilder({
        id: policy.name,
        name: policy.name.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join(""),
        shortDescription: { text: policy.description },
        fullDescription: { text: policy.description },
        help: {
            text: `${policy.remediationSteps}${checklist}`,
            markdown: `**Remediation:** ${policy.remediationSteps}${checklist ? `\n\n**Checklist items:** ${policy.checklist.map((c) => `\`${c}\``).join(", ")}` : ""}`,
        },
        defaultConfiguration: { level: policy.enforcementLevel === "disabled" ? "none" : level(policy.enforcementLevel), enabled: policy.enforcementLevel !== "disabled" },
        properties: {
            tags: policy.tags,
            precision: "very-high",
            ...(SECURITY_SEVERITY[policy.severity] ? { "security-severity": SECURITY_SEVERITY[policy.severity] } : {}),
            ...(policy.priority ? { priority: policy.priority } : {}),
            checklist: policy.checklist,
            ...(policy.pack ? { pack: policy.pack } : {}),
        },
    });
}

/** A path that names no file (standard input): shown in text, but no artifact for a viewer to open. */
function isFile(file: string): boolean {
    return !file.startsWith("<");
}

function location(artifact: string | null, item: { urn?: string; type?: string; name?: string; location?: SourceLocation }) {
    const declared = item.location && isFile(item.location.file) ? item.location : undefined;
    const physicalLocation = declared
        ? { artifactLocation: { uri: encodeURI(declared.file) }, region: { startLine: declared.line, ...(declared.column ? { startColumn: declared.column } : {}) } }
        : artifact !== null ? { artifactLocation: { uri: artifact }, region: { startLine: 1 } } : undefined;
    return [{
        ...(physicalLocation ? { physicalLocation } : {}),
        logicalLocations: item.urn ? [{ fullyQualifiedName: item.urn, name: item.name, kind: "resource", decoratedName: item.type }] : [{ name: "stack", kind: "module" }],
    }];
}

export interface SarifOptions {
    /**
     * The file a result without a declaring line points at, relative to the repository root (default
     * Pulumi.yaml); null for none (standard input).
     */
    artifact?: string | null;
}

/** The report as a SARIF 2.1.0 log: one rule per policy, one result per finding and per exemption (suppressed). */
export function buildSarif(report: Report, options: SarifOptions = {}): Log {
    const artifact = options.artifact === undefined ? "Pulumi.yaml" : options.artifact;
    const run = new SarifRunBuilder({
        tool: { driver: { name: "prodready", version: report.tool.version, semanticVersion: report.tool.version, informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/", rules: [] } },
        automationDetails: { id: `prodready/${report.pack.name}/` },
        properties: { pack: report.pack, ...(report.packs ? { packs: report.packs } : {}), summary: report.summary,
            ...(report.baseline ? { baseline: report.baseline } : {}), ...(report.changedOnly ? { changedOnly: report.changedOnly } : {}), readiness: { score: report.score.score, coverage: report.score.coverage, verdict: report.score.verdict, verdictReason: report.score.verdictReason, byPriority: report.score.byPriority } },
        invocations: [{ executionSuccessful: true }],
    });
    const known = new Set<string>();
    for (const policy of report.policies) {
        known.add(policy.name);
        run.addRule(rule(policy));
    }
    const ensureRule = (name: string) => {
        if (!known.has(name)) {
            known.add(name);
            run.addRule(new SarifRuleBuilder().initSimple({ ruleId: name, shortDescriptionText: name }));
        }
    };
    const findingPrints = findingFingerprints(report);
    const exemptionPrints = exemptionFingerprints(report);
    for (const [i, f] of report.findings.entries()) {
        ensureRule(f.policy);
        // Not verified fails the run as a mandatory violation does: a failing result, an error.
        const review = f.outcome === "unknown" && !f.notVerified;
        const result: Result = {
            ruleId: f.policy,
            kind: review ? "review" : "fail",
            level: review ? "none" : f.notVerified ? "error" : level(f.enforcementLevel),
            message: {
                text: f.notVerified ? `Not verified: ${f.notVerified.reason}. ${f.message}`
                    : f.outcome === "unknown" ? `${f.message} (unknown during preview: neither a pass nor a violation)` : f.message,
            },
            locations: location(artifact, f),
            partialFingerprints: { "prodready/v2": findingPrints[i] },
            // Existing debt keeps its fingerprint and is suppressed outside the source: by the baseline file, or as untouched.
            ...(f.debt ? { suppressions: [{ kind: "external" as const, status: "accepted" as const, justification: debtNote(f) }] } : {}),
            properties: { enforcementLevel: f.enforcementLevel, severity: f.severity, ...(f.urn ? { urn: f.urn } : {}), ...(f.notVerified ? { notVerified: f.notVerified } : {}), ...(f.pack ? { pack: f.pack } : {}),
                ...(f.debt ? { debt: f.debt } : {}) },
        };
        run.addResult(new SarifResultBuilder(result));
    }
    for (const [i, e] of report.exemptions.entries()) {
        ensureRule(e.policy);
        const result: Result = {
            ruleId: e.policy,
            kind: "notApplicable",
            level: "none",
            message: { text: `${e.name ? `'${e.name}'` : "The stack"} is exempt from ${e.policy}: ${e.reason}` },
            locations: location(artifact, e),
            suppressions: [{ kind: "external", status: "accepted", justification: `${e.reason} (${e.source}${e.expires ? `, expires ${e.expires}` : ""})` }],
            partialFingerprints: { "prodready/v2": exemptionPrints[i] },
            properties: { source: e.source, ...(e.expires ? { expires: e.expires } : {}), ...(e.urn ? { urn: e.urn } : {}) },
        };
        run.addResult(new SarifResultBuilder(result));
    }
    const builder = new SarifBuilder({ $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0" });
    builder.addRun(run);
    return builder.buildSarifOutput();
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
    return JSON.stringify(buildSarif(report, options), null, 2) + "\n";
}
