// The HTML report: one self-contained page whose figures are the JSON report's, and on which nothing
// from the run (names, messages, reasons, URNs, paths) can become markup, an attribute or a script.
import { createHash } from "crypto";
import { FORMATS, render } from "../../src/report/index";
import { contentSecurityPolicy, pageVerdict, renderHtml } from "../../src/report/html";
import { reportFromAnalysis } from "../../src/report/document";
import type { Report, ReportFinding } from "../../src/report/document";
import { analysis, catalog, fixtureReport, resourceTypes, subjects } from "./fixtures";

/** The text of the element with this id (its content up to the next tag). */
function byId(page: string, id: string): string {
    const m = new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(page);
    if (!m) {
        throw new Error(`no element #${id}`);
    }
    return m[1];
}

/** The numeric cells of a counts table row, in ITEM_STATUSES order. */
function rowCells(page: string, id: string): number[] {
    const m = new RegExp(`<tr id="${id}">(.*?)</tr>`).exec(page);
    if (!m) {
        throw new Error(`no row #${id}`);
    }
    return [...m[1].matchAll(/<td class="num">(\d+)<\/td>/g)].map((c) => Number(c[1]));
}

const HOSTILE_NAME = `<script>document.title="pwned"</script>`;
const HOSTILE_MESSAGE = `it's "quoted" & <b>bold</b> <img src=x onerror="document.title='pwned'">`;
const HOSTILE_REASON = `legacy & "approved" by <a href="https://example.com">ops</a>`;

/** The fixture with run-controlled text that tries to break out of the page. */
function hostileReport(): Report {
    const report = fixtureReport();
    const finding = report.findings.find((f) => f.outcome === "violation" && f.enforcementLevel === "mandatory")!;
    finding.name = HOSTILE_NAME;
    finding.message = HOSTILE_MESSAGE;
    finding.urn = `urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::"><script>alert(1)</script>`;
    finding.location = { file: `stacks/<iframe src="https://example.com">/index.ts`, line: 12 };
    const exemption = report.exemptions[0];
    exemption.reason = HOSTILE_REASON;
    exemption.source = `policy-pack config "<style>body{display:none}</style>"`;
    exemption.name = `x' onmouseover='document.title=1`;
    report.source.target = `stacks/<svg onload="document.title=1">`;
    report.summary.notJudgedTypes = [`kubernetes:evil/v1:<script>x</script>`];
    return report;
}

const ALLOWED_TAGS = new Set(["html", "head", "meta", "title", "style", "body", "main", "section", "div", "span", "h1", "h2", "h3", "p", "strong",
    "code", "a", "nav", "details", "summary", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "dl", "dt", "dd", "br", "svg", "rect", "text", "tspan"]);

describe("the HTML report", () => {
    it("is one of the formats every report command offers", () => {
        expect(FORMATS).toContain("html");
        expect(render(fixtureReport(), "html")).toBe(renderHtml(fixtureReport()));
    });

    it("shows the same counts and score figures as the JSON report", () => {
        const page = render(fixtureReport(), "html");
        const json = JSON.parse(render(fixtureReport(), "json"));
        for (const key of ["mandatory", "notVerified", "advisory", "unknown", "exempt", "judged", "policies"]) {
            expect([key, Number(byId(page, `count-${key}`))]).toEqual([key, json.summary[key]]);
        }
        expect(Number(byId(page, "score"))).toBe(json.score.score);
        expect(Number(byId(page, "coverage"))).toBe(json.score.coverage);
        expect(Number(byId(page, "cov-judged"))).toBe(json.summary.judged);
        expect(Number(byId(page, "cov-not-judged"))).toBe(json.summary.notJudged);
        expect(Number(byId(page, "cov-not-subjects"))).toBe(json.summary.notPolicySubjects);
        const statuses = ["passing", "failing", "exempt", "unknown", "not-enforced", "not-infrastructure"];
        for (const p of ["P0", "P1", "P2"]) {
            expect(rowCells(page, `priority-${p}`)).toEqual(statuses.map((s) => json.score.byPriority[p][s]));
        }
        for (const [category, counts] of Object.entries<Record<string, number>>(json.score.byCategory)) {
            expect(rowCells(page, `category-${category}`)).toEqual(statuses.map((s) => counts[s]));
        }
        const t = json.score.totals;
        expect(Number(byId(page, "items-enforced"))).toBe(t.passing + t.failing + t.exempt + t.unknown);
        // The fixture's figures, so a page that agreed with a wrong JSON report would still fail.
        expect([json.summary.mandatory, json.summary.notVerified, json.summary.advisory, json.summary.unknown, json.summary.exempt]).toEqual([1, 1, 1, 1, 2]);
    });

    it("weighs a category's score like the total score", () => {
        const page = renderHtml(fixtureReport());
        // data-protection: backups (P0, unknown), tls (P1, exempt), snapshots (P2, failing), deletion protection (P1, passing), restore drill (P1, not enforced).
        expect(/<tr id="category-data-protection">.*?<td class="num">([^<]*)<\/td><\/tr>/.exec(page)![1]).toBe(`${Math.round(1000 * 2 / (3 + 2 + 1 + 2)) / 10}%`);
        expect(/<tr id="category-process">.*?<td class="num">([^<]*)<\/td><\/tr>/.exec(page)![1]).toBe("—");
    });

    it("puts the verdict first, as the text report decides it", () => {
        const failing = fixtureReport();
        expect(pageVerdict(failing)).toBe("not-ready");
        expect(byId(renderHtml(failing), "verdict")).toBe("Not ready");

        // Without the mandatory violation, the mandatory policy's unknown still fails the run (not verified)...
        const withoutViolation = { ...analysis, findings: analysis.findings.filter((f) => f.level !== "mandatory") };
        const unverified = reportFromAnalysis(withoutViolation, { catalog, source: { kind: "preview", target: "stacks/shop" }, subjects, resourceTypes });
        expect(unverified.summary).toMatchObject({ mandatory: 0, notVerified: 1, passed: false });
        expect(byId(renderHtml(unverified), "verdict")).toBe("Not ready");
        expect(renderHtml(unverified)).toContain("1 not verified fails the run.");
        // ...unless the policy-pack config allows it.
        const clean = reportFromAnalysis({ ...withoutViolation, allowUnknown: ["aws-rds-require-backup-retention"] },
            { catalog, source: { kind: "preview", target: "stacks/shop" }, subjects, resourceTypes });
        expect(clean.summary.passed).toBe(true);
        expect(byId(renderHtml(clean), "verdict")).toBe("Ready");

        const nothing = reportFromAnalysis({ ...analysis, findings: [], notApplicable: [] },
            { catalog, source: { kind: "manifests", target: "crd.yaml" }, subjects: subjects.filter((s) => s.type.startsWith("kubernetes:")), resourceTypes });
        expect(nothing.summary.judged).toBe(0);
        expect(byId(renderHtml(nothing), "verdict")).toBe("Not judged");
    });

    it("groups findings by resource, with its type, name, URN and declaring line when known", () => {
        const report = fixtureReport();
        report.findings.find((f) => f.name === "web-sg")!.location = { file: "stacks/shop/network.ts", line: 42, column: 5 };
        const page = renderHtml(report);
        const violations = /<section id="violations">(.*?)<\/section>/s.exec(page)![1];
        const groups = violations.split(`<details class="resource"`).slice(1);
        expect(groups).toHaveLength(2);
        // The resource with the mandatory violation comes first.
        expect(groups[0]).toContain(`<span class="rname">web-sg</span>`);
        expect(groups[0]).toContain("stacks/shop/network.ts:42:5");
        expect(groups[0]).toContain("urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg");
        expect(groups[0]).toContain("aws-ec2-restrict-public-ingress");
        expect(groups[1]).toContain(`<span class="rname">app-db</span>`);
        expect(groups[1]).not.toContain(".ts:");
        const notVerified = /<section id="not-verified">(.*?)<\/section>/s.exec(page)![1];
        expect(notVerified).toContain("aws-rds-require-backup-retention");
        expect(notVerified).toContain("depends on a value unknown during preview: backupRetentionPeriod");
        expect(notVerified).toContain("can&#39;t be known during preview");
    });

    it("lists exemptions with reason, source and expiry", () => {
        const section = /<section id="exemptions">(.*?)<\/section>/s.exec(renderHtml(fixtureReport()))![1];
        expect(section).toContain("bastion replacement lands in Q3");
        expect(section).toContain("policy-pack config &quot;web-*&quot;");
        expect(section).toContain("2027-03-31");
        expect(section).toContain("vendor database, TLS terminated by the proxy");
        expect(section).toMatch(/tag prodready:exempt<\/td><td><span class="muted">never<\/span>/);
    });

    it("escapes names, messages, reasons, URNs and paths so that they stay text", () => {
        const page = renderHtml(hostileReport());
        expect(page).not.toMatch(/<script/i);
        expect(page).not.toMatch(/<img|<iframe|<a href="https|<svg onload|<b>/i);
        expect(page.match(/<style>/g)).toHaveLength(1);
        expect(page).toContain("&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;");
        expect(page).toContain("it&#39;s &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; &lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;");
        expect(page).toContain("legacy &amp; &quot;approved&quot; by &lt;a href=&quot;https://example.com&quot;&gt;ops&lt;/a&gt;");
        expect(page).toContain("x&#39; onmouseover=&#39;document.title=1");
        expect(page).toContain("stacks/&lt;iframe src=&quot;https://example.com&quot;&gt;/index.ts:12");
        // Every tag is one the page writes itself, with quoted attributes that nothing broke out of.
        for (const tag of page.match(/<[a-zA-Z][^>]*>/g)!) {
            expect(tag).toMatch(/^<([a-z][a-z0-9]*)(\s+[a-zA-Z-]+="[^"<>]*"|\sopen)*\s*\/?>$/);
            expect(ALLOWED_TAGS.has(/^<([a-z0-9]+)/.exec(tag)![1])).toBe(true);
            expect(tag).not.toMatch(/\son[a-z]+=/);
        }
    });

    it("shows terminal control and bidirectional characters visibly", () => {
        const report = fixtureReport();
        report.findings[0].name = "web\u202esg\u001b[31m";
        const page = renderHtml(report);
        expect(page).toContain("web\\u202esg\\x1b[31m");
        expect(page).not.toMatch(/[\u202e\u001b]/);
    });

    it("loads nothing and runs nothing: a strict Content-Security-Policy that allows only its own style sheet", () => {
        const page = renderHtml(fixtureReport());
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1];
        expect(csp).toBe(contentSecurityPolicy());
        expect(csp).toMatch(/^default-src 'none'; /);
        expect(csp).toContain("script-src 'none'");
        const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
        expect(csp).toContain(`style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`);
        // The meta comes before the style sheet it governs.
        expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<style>"));
        expect(page).not.toMatch(/\s(src|srcset|xlink:href|action)=|href="(?!#)|url\(|@import/);
    });

    it("renders 100,000 findings in linear time", () => {
        const base = fixtureReport();
        const template = base.findings[0];
        const findings: ReportFinding[] = [];
        for (let i = 0; i < 100_000; i++) {
            findings.push({ ...template, outcome: i % 10 === 0 ? "unknown" : "violation", urn: `${template.urn}-${i % 20_000}`, name: `web-sg-${i % 20_000}`,
                message: `${template.message} (#${i})`, location: { file: "stacks/shop/index.ts", line: i + 1 } });
        }
        const report = { ...base, findings };
        const started = Date.now();
        const page = renderHtml(report);
        const elapsed = Date.now() - started;
        expect(page.split("<tr><td><span class=\"badge mandatory\">mandatory</span>").length - 1).toBe(90_000);
        expect(page.split("<tr><td><span class=\"badge unknown\">unknown</span>").length - 1).toBe(10_000);
        expect(page.split(`<details class="resource"`).length - 1).toBe(20_000);
        // Quadratic work on 100,000 findings would take minutes; linear work takes about a second.
        expect(elapsed).toBeLessThan(30_000);
    });
});
