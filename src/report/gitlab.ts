// GitLab Code Quality: the JSON array a job uploads as `artifacts:reports:codequality`, shown in the
// merge request's widget and diff. One entry per finding that needs a look, with the same
// fingerprint SARIF gives it (src/report/fingerprint.ts), so GitLab tells new findings from old.
// Format: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import type { Report, ReportFinding } from "./document";
import { where } from "./document";
import { findingFingerprints } from "./fingerprint";
import { debtNote } from "./text";

export type CodeQualitySeverity = "blocker" | "critical" | "major" | "minor" | "info";

export interface CodeQualityIssue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: CodeQualitySeverity;
    location: { path: string; lines: { begin: number } };
}

/** What fails the run is ranked by the policy's severity; an advisory violation is minor, an unknown that passes is info. */
const FAILING: Record<string, CodeQualitySeverity> = { critical: "blocker", high: "critical", medium: "major", low: "minor" };

export function codeQualitySeverity(finding: ReportFinding): CodeQualitySeverity {
    if (finding.debt) {
        return "info"; // existing debt: kept under its fingerprint so GitLab sees it as old, not as new
    }
    if (finding.notVerified || (finding.outcome === "violation" && finding.enforcementLevel === "mandatory")) {
        return FAILING[finding.severity] ?? "major";
    }
    return finding.outcome === "violation" ? "minor" : "info";
}

export interface GitlabOptions {
    /** The file a finding without a declaring line points at, relative to the repository root (default Pulumi.yaml; null: standard input). */
    artifact?: string | null;
}

export function buildCodeQuality(report: Report, options: GitlabOptions = {}): CodeQualityIssue[] {
    const artifact = options.artifact === undefined ? "Pulumi.yaml" : options.artifact;
    const prints = findingFingerprints(report);
    return report.findings.map((f, i): CodeQualityIssue => {
        const declared = f.location && !f.location.file.startsWith("<") ? f.location : undefined;
        const description = f.debt ? `${f.message} (${where(f)}; ${debtNote(f)})`
            : f.notVerified ? `Not verified: ${f.notVerified.reason} (${where(f)}). ${f.message}`
            : f.outcome === "unknown" ? `${f.message} (${where(f)}; unknown during preview: neither a pass nor a violation)` : `${f.message} (${where(f)})`;
        return {
            description,
            check_name: f.policy,
            fingerprint: prints[i],
            severity: codeQualitySeverity(f),
            // GitLab requires a path: standard input is named as the report names it.
            location: { path: declared?.file ?? artifact ?? f.location?.file ?? "<stdin>", lines: { begin: declared?.line ?? f.location?.line ?? 1 } },
        };
    });
}

export function renderGitlab(report: Report, options: GitlabOptions = {}): string {
    return JSON.stringify(buildCodeQuality(report, options), null, 2) + "\n";
}
