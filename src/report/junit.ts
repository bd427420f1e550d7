// JUnit XML, for CI systems that show test reports (GitLab merge requests, Jenkins, Azure DevOps).
// Built with junit-report-builder. One test suite per policy; one test case per policy and resource
// it reported on: a violation is a failure (type = enforcement level), and so is a value unknown
// during preview that leaves a mandatory policy's resource not verified (type `not-verified`); an
// exemption or another unknown is skipped with its reason; a policy that reported nothing is one passing case.
import junit from "junit-report-builder";
import type { Report, SourceLocation } from "./document";
import { where } from "./document";
import { adoptionLines, coverageLine, debtNote, scoreLines } from "./text";
import { visible, visibleLine } from "./safe";

// junit-report-builder escapes XML itself; control characters, which XML cannot carry and the
// builder would drop silently, are shown visibly first (`\x1b`).

type TestCase = ReturnType<ReturnType<ReturnType<typeof junit.newBuilder>["testSuite"]>["testCase"]>;

/**
 * The declaring file and line as the `file` and `line` attributes that GitLab, Jenkins and
 * pytest-style readers use; the builder has a setter for `file` only.
 */
function at(test: TestCase, location: SourceLocation | undefined): TestCase {
    if (location) {
        test.file(visibleLine(location.file));
        (test as unknown as { _attributes: Record<string, string> })._attributes.line = String(location.line);
    }
    return test;
}

export function renderJunit(report: Report): string {
    const builder = junit.newBuilder().name(visibleLine(`prodready ${report.pack.name}@v${report.pack.version}`));
    const s = report.score;
    const scoreSuite = builder.testSuite().name("prodready readiness")
        .property("readiness.score", String(s.score))
        .property("readiness.coverage", String(s.coverage))
        .property("readiness.verdict", s.verdict)
        .property("objects.judged", String(report.summary.judged))
        .property("objects.notJudged", String(report.summary.notJudged))
        .property("objects.notPolicySubjects", String(report.summary.notPolicySubjects))
        .property("findings.notVerified", String(report.summary.notVerified))
        .property("gate.passed", String(report.summary.passed));
    if (report.baseline) {
        scoreSuite.property("baseline.applied", String(report.baseline.applied)).property("baseline.stale", String(report.baseline.stale.length))
            .property("baseline.lapsed", String(report.baseline.lapsed.length));
    }
    if (report.changedOnly) {
        scoreSuite.property("findings.untouched", String(report.summary.untouched ?? 0));
    }
    // The verdict is a test case of its own, so a not-ready stack shows as a failed test.
    const verdict = scoreSuite.testCase().className("prodready.readiness").name("go-live verdict").standardOutput([...scoreLines(report), ...adoptionLines(report)].join("\n"));
    if (s.verdict === "not-ready") {
        verdict.failure(s.verdictReason, "not-ready");
    }
    // Objects no enabled policy looks at are neither passed nor failed: a skipped case says so.
    const judged = scoreSuite.testCase().className("prodready.readiness").name("objects judged").standardOutput(coverageLine(report));
    if (report.summary.notJudged > 0) {
        judged.skipped();
    }
    for (const policy of report.policies.filter((p) => p.enforcementLevel !== "disabled")) {
        const suite = builder.testSuite().name(visibleLine(policy.name))
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
                const test = at(suite.testCase().className(visibleLine(policy.name)).name(visibleLine(where(f))), f.location);
                if (f.debt) {
                    // Existing debt fails no gate: skipped, saying why.
                    test.skipped().standardOutput(`${visible(debtNote(f))}: ${visible(f.notVerified ? f.notVerified.reason : f.message)}`);
                } else if (f.notVerified) {
                    test.failure(`not verified: ${visible(f.notVerified.reason)}`, "not-verified").standardOutput(visible(f.message));
                } else if (f.outcome === "unknown") {
                    test.skipped().standardOutput(`unknown during preview: ${visible(f.message)}`);
                } else {
                    test.failure(visible(f.message), f.enforcementLevel).standardOutput(`Remediation: ${policy.remediationSteps}`);
                }
            });
        }
        for (const e of report.exemptions.filter((x) => x.policy === policy.name)) {
            resource(e).cases.push(() => {
                at(suite.testCase().className(visibleLine(policy.name)).name(visibleLine(where(e))), e.location).skipped()
                    .standardOutput(`exempt: ${visible(e.reason)} (${visible(e.source)}${e.expires ? `, expires ${visible(e.expires)}` : ""})`);
            });
        }
        if (byResource.size === 0) {
            suite.testCase().className(visibleLine(policy.name)).name("all resources");
        }
        for (const entry of byResource.values()) {
            entry.cases.forEach((add) => add());
        }
    }
    return builder.build() + "\n";
}
