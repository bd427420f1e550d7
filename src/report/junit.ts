// JUnit XML, for CI systems that show test reports (GitLab merge requests, Jenkins, Azure DevOps).
// Built with junit-report-builder. One test suite per policy; one test case per policy and resource
// it reported on: a violation is a failure (type = enforcement level), an exemption or a value
// unknown during preview is skipped with its reason; a policy that reported nothing is one passing case.
import junit from "junit-report-builder";
import type { Report } from "./document";
import { where } from "./document";
import { scoreLines } from "./text";

export function renderJunit(report: Report): string {
    const builder = junit.newBuilder().name(`prodready ${report.pack.name}@v${report.pack.version}`);
    const s = report.score;
    const scoreSuite = builder.testSuite().name("prodready readiness")
        .property("readiness.score", String(s.score))
        .property("readiness.coverage", String(s.coverage))
        .property("readiness.verdict", s.verdict);
    // The verdict is a test case of its own, so a not-ready stack shows as a failed test.
    const verdict = scoreSuite.testCase().className("prodready.readiness").name("go-live verdict").standardOutput(scoreLines(report).join("\n"));
    if (s.verdict === "not-ready") {
        verdict.failure(s.verdictReason, "not-ready");
    }
    for (const policy of report.policies.filter((p) => p.enforcementLevel !== "disabled")) {
        const suite = builder.testSuite().name(policy.name)
            .property("enforcementLevel", policy.enforcementLevel)
            .property("severity", policy.severity)
            .property("checklist", policy.checklist.join(", "));
        if (policy.priority) {
            suite.property("priority", policy.priority);
        }
        const byResource = new Map<string, { label: string; cases: Array<() => void> }>();
        const resource = (item: { urn?: string; type?: string; name?: string }) => {
            const key = item.urn ?? "stack";
            let entry = byResource.get(key);
            if (!entry) {
                entry = { label: where(item), cases: [] };
                byResource.set(key, entry);
            }
            return entry;
        };
        for (const f of report.findings.filter((x) => x.policy === policy.name)) {
            resource(f).cases.push(() => {
                const test = suite.testCase().className(policy.name).name(where(f));
                if (f.outcome === "unknown") {
                    test.skipped().standardOutput(`unknown during preview: ${f.message}`);
                } else {
                    test.failure(f.message, f.enforcementLevel).standardOutput(`Remediation: ${policy.remediationSteps}`);
                }
            });
        }
        for (const e of report.exemptions.filter((x) => x.policy === policy.name)) {
            resource(e).cases.push(() => {
                suite.testCase().className(policy.name).name(where(e)).skipped()
                    .standardOutput(`exempt: ${e.reason} (${e.source}${e.expires ? `, expires ${e.expires}` : ""})`);
            });
        }
        if (byResource.size === 0) {
            suite.testCase().className(policy.name).name("all resources");
        }
        for (const entry of byResource.values()) {
            entry.cases.forEach((add) => add());
        }
    }
    return builder.build() + "\n";
}
