// The formats CI systems read without a plugin: GitHub workflow commands, GitLab Code Quality JSON,
// and a Markdown pull-request comment that stays under GitHub's size limit however large the run.
import * as path from "path";
import type { Report, ReportFinding } from "../../src/report/document";
import { escapeData, escapeProperty, renderGithub } from "../../src/report/github";
import { buildCodeQuality } from "../../src/report/gitlab";
import { render } from "../../src/report/index";
import { COMMENT_LIMIT, renderMarkdown } from "../../src/report/markdown";
import { buildSarif } from "../../src/report/sarif";
import { fixtureReport, urn } from "./fixtures";

const ROOT = path.join(path.sep, "repo");

/** The fixture report with each finding declared on a line of stacks/shop/index.ts. */
function located(): Report {
    const report = fixtureReport();
    return { ...report, findings: report.findings.map((f, i) => ({ ...f, location: { file: "stacks/shop/index.ts", line: 10 + i, column: 3 } })) };
}

describe("--format github", () => {
    const byKind = (text: string) => text.split("\n").filter((l) => l.startsWith("::"));

    it("annotates mandatory violations and findings not verified as errors, advisory violations as warnings, at the declaring line", () => {
        const report = located();
        const lines = byKind(renderGithub(report, { root: ROOT, cwd: ROOT }));
        const line = (policy: string) => 10 + report.findings.findIndex((f) => f.policy === policy);
        expect(lines).toEqual([
            `::error file=stacks/shop/index.ts,line=${line("aws-ec2-restrict-public-ingress")},col=3,title=aws-ec2-restrict-public-ingress::security group 'web-sg' ingress #1 opens port 22 to 0.0.0.0/0: only ports 80, 443 may be open. (aws:ec2/securityGroup:SecurityGroup: web-sg)`,
            `::error file=stacks/shop/index.ts,line=${line("aws-rds-require-backup-retention")},col=3,title=aws-rds-require-backup-retention::Not verified: depends on a value unknown during preview: backupRetentionPeriod (aws:rds/instance:Instance: app-db). ` +
                "can't run policy 'aws-rds-require-backup-retention' from policy pack 'production-readiness@v0.1.0' during preview: number value at .backupRetentionPeriod can't be known during preview",
            `::warning file=stacks/shop/index.ts,line=${line("aws-rds-require-final-snapshot")},col=3,title=aws-rds-require-final-snapshot::RDS instance 'app-db' skips the final snapshot: set skipFinalSnapshot to false. (aws:rds/instance:Instance: app-db)`,
        ]);
    });

    it("writes paths relative to the working directory, and leaves out the file where no line is known", () => {
        const fromStacks = renderGithub(located(), { root: ROOT, cwd: path.join(ROOT, "stacks") });
        expect(byKind(fromStacks).every((l) => l.includes("file=shop/index.ts,"))).toBe(true);
        const unlocated = byKind(renderGithub(fixtureReport(), { root: ROOT, cwd: ROOT }));
        expect(unlocated).toHaveLength(3);
        expect(unlocated.every((l) => /^::(error|warning) title=/.test(l))).toBe(true);
    });

    it("escapes %, CR and LF in messages, and : and , in properties, so a finding cannot end its command or start another", () => {
        expect(escapeData("100%\r\n::error::x")).toBe("100%25%0D%0A::error::x");
        expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
        const report = located();
        const hostile: ReportFinding = { ...report.findings[0], policy: "team:policy,x", message: "bad\n::error file=evil.ts::injected 50%" };
        const text = renderGithub({ ...report, findings: [hostile] }, { root: ROOT, cwd: ROOT });
        expect(byKind(text)).toEqual([expect.stringMatching(/^::error file=stacks\/shop\/index\.ts,line=10,col=3,title=team%3Apolicy%2Cx::bad%0A::error file=evil\.ts::injected 50%25 /)]);
        expect(text.split("\n").filter((l) => l.startsWith("::"))).toHaveLength(1);
    });

    it("ends with the counts and the gate as log lines, and is a format of --format", () => {
        const text = render(fixtureReport(), "github");
        expect(text).toContain("prodready: production-readiness@v0.1.0: 1 mandatory violation, 1 advisory");
        expect(text).toMatch(/^prodready: Gate: fails \(exit 1\)/m);
    });
});

describe("--format gitlab", () => {
    it("lists every finding as a Code Quality issue with SARIF's fingerprint, a severity and the declaring line", () => {
        const report = located();
        const issues = buildCodeQuality(report);
        const sarif = buildSarif(report).runs[0].results!.filter((r) => r.kind !== "notApplicable");
        expect(issues.map((i) => i.fingerprint)).toEqual(sarif.map((r) => r.partialFingerprints!["prodready/v2"]));
        expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
        expect(issues.map((i) => [i.check_name, i.severity, i.location])).toEqual(report.findings.map((f, i) => [f.policy,
            f.policy === "aws-rds-require-final-snapshot" ? "minor" : "critical", { path: "stacks/shop/index.ts", lines: { begin: 10 + i } }]));
        for (const issue of issues) {
            expect(Object.keys(issue).sort()).toEqual(["check_name", "description", "fingerprint", "location", "severity"]);
            expect(["blocker", "critical", "major", "minor", "info"]).toContain(issue.severity);
        }
    });

    it("points a finding without a line at the project file, and ranks an unknown that passes as info", () => {
        const report = fixtureReport();
        const passing = { ...report, findings: report.findings.map((f) => ({ ...f, notVerified: undefined })) };
        const issues = JSON.parse(render(passing, "gitlab", { artifact: "stacks/shop/Pulumi.yaml" }));
        expect(issues.map((i: { location: unknown }) => i.location)).toEqual(report.findings.map(() => ({ path: "stacks/shop/Pulumi.yaml", lines: { begin: 1 } })));
        expect(issues.find((i: { check_name: string }) => i.check_name === "aws-rds-require-backup-retention").severity).toBe("info");
    });
});

describe("the Markdown comment of a large run", () => {
    /** The fixture report with `n` findings of each kind on distinct resources, with long messages. */
    function large(n: number): Report {
        const report = fixtureReport();
        const findings: ReportFinding[] = [];
        for (let i = 0; i < n; i++) {
            for (const f of report.findings) {
                const name = `${f.name}-${String(i).padStart(5, "0")}`;
                findings.push({ ...f, name, urn: urn(f.type!, name), message: `${f.message} ${"detail ".repeat(40)}` });
            }
        }
        // The advisory violations first: the comment must still give the room to what fails the run.
        findings.sort((a, b) => (a.enforcementLevel === "mandatory" ? 1 : 0) - (b.enforcementLevel === "mandatory" ? 1 : 0));
        const mandatory = findings.filter((f) => f.outcome === "violation" && f.enforcementLevel === "mandatory").length;
        const advisory = findings.filter((f) => f.outcome === "violation").length - mandatory;
        return { ...report, findings, summary: { ...report.summary, mandatory, advisory, unknown: n, notVerified: n } };
    }

    it("stays under GitHub's limit with thousands of findings, lists mandatory ones first and counts the rest per policy", () => {
        const report = large(2000);
        const text = renderMarkdown(report, { maxFindings: 100000, lineLink: () => undefined });
        expect(COMMENT_LIMIT).toBe(65536);
        expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
        expect(text).toMatch(/This comment is shortened to stay under GitHub's limit of 65,536 characters: it lists \d+ of 6002 findings and exemptions/);
        const rows = text.split("\n").filter((l) => l.startsWith("| 🔴 mandatory") || l.startsWith("| 🟡"));
        expect(rows.length).toBeGreaterThan(10);
        expect(rows.every((l) => l.startsWith("| 🔴 mandatory"))).toBe(true);
        expect(text).toContain("### Findings per policy");
        expect(text).toContain("| `aws-ec2-restrict-public-ingress` | 2000 | 0 | 0 | 0 | 0 |");
        expect(text).toContain("| `aws-rds-require-backup-retention` | 0 | 2000 | 0 | 0 | 0 |");
        expect(text).toContain("| `aws-rds-require-final-snapshot` | 0 | 0 | 2000 | 0 | 0 |");
        // The sections after the findings are still there.
        expect(text).toContain("### Readiness by priority");
    });

    it("lists at most maxFindings entries, and says it was shortened without blaming the size", () => {
        const report = large(100);
        const short = { ...report, findings: report.findings.map((f) => ({ ...f, message: "short" })) };
        const text = renderMarkdown(short, { lineLink: () => undefined });
        expect(text.length).toBeLessThan(COMMENT_LIMIT / 2);
        expect(text).toContain("> This comment is shortened: it lists 200 of 302 findings and exemptions");
        expect(text).toContain("### Findings per policy");
    });

    it("is not shortened, and has no counts per policy, when everything fits", () => {
        const text = renderMarkdown(large(3), { lineLink: () => undefined });
        expect(text).not.toContain("shortened");
        expect(text).not.toContain("### Findings per policy");
        expect(text.split("\n").filter((l) => /^\| (🔴|🟡)/.test(l))).toHaveLength(6);
    });

    it("cuts one very long message instead of giving it the comment", () => {
        const report = fixtureReport();
        const long = { ...report, findings: report.findings.map((f) => ({ ...f, message: "x".repeat(200000) })) };
        const text = renderMarkdown(long, { lineLink: () => undefined });
        expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
        expect(text).not.toContain("shortened");
    });
});
