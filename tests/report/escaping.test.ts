// Names, messages and reasons come from programs, manifests and event logs: no report format may let
// them drive a terminal, add rows, links or images to a pull-request comment, or break XML or JSON.
import { XMLParser } from "fast-xml-parser";
import { reportFromAnalysis } from "../../src/report/document";
import { render } from "../../src/report/index";
import { buildSarif } from "../../src/report/sarif";
import { markdownCode, markdownText, visible, visibleLine } from "../../src/report/safe";
import { analysis, catalog, resourceTypes, subjects, urn } from "./fixtures";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const NAME = "web|sg\n| injected | row | x | y |\u001b[2J`x`";
const MESSAGE = "opens port 22 ![pixel](http://evil.example/p.png) [click](http://evil.example) <img src=x onerror=alert(1)> <b>bold</b> | extra | cell |\n| new | row | here | too |" +
    " @everyone #1 www.evil.example http://evil.example \u001b]0;title\u0007 \u001b[31mred\u001b[0m \u009b2J \u202eevil";
const REASON = "approved ![x](http://evil.example/x.png) [here](http://evil.example) <script>alert(1)</script> |\n| forged | row |";

function hostileReport() {
    const evil = urn(SG, NAME);
    return reportFromAnalysis({
        ...analysis,
        findings: [{ ...analysis.findings[0], urn: evil, name: NAME, message: MESSAGE }],
        notApplicable: [{ policy: "aws-ec2-disallow-public-admin-ports", reason: `exempt: ${REASON.replace("\n", " ")} (source: policy-pack config "web-*")`, urn: evil, type: SG, name: NAME }],
    }, { catalog, source: { kind: "preview", target: "stacks/\u001b[2Jshop" }, subjects: [...subjects, { urn: evil, type: SG, custom: true }], resourceTypes });
}

/** Pipes that split a Markdown table row into cells: not escaped, not inside a code span. */
function cellBreaks(row: string): number {
    let count = 0;
    let fence = "";
    for (let i = 0; i < row.length; i++) {
        if (row[i] === "\\") {
            i++;
            continue;
        }
        if (row[i] === "`") {
            let j = i;
            while (row[j] === "`") {
                j++;
            }
            const run = row.slice(i, j);
            fence = fence === "" ? run : fence === run ? "" : fence;
            i = j - 1;
            continue;
        }
        if (row[i] === "|" && fence === "") {
            count++;
        }
    }
    return count;
}

/** Markdown syntax that is not escaped by a backslash, outside code spans. */
function unescaped(markdown: string, pattern: RegExp): string[] {
    const outsideCode = markdown.replace(/(`+)[^`]*?\1/g, "");
    return [...outsideCode.matchAll(pattern)].filter((m) => outsideCode[m.index! - 1] !== "\\").map((m) => m[0]);
}

describe("Markdown escaping", () => {
    const markdown = render(hostileReport(), "markdown");

    it("adds no table rows: every row keeps its column count", () => {
        const table = (header: string) => {
            const lines = markdown.split("\n");
            const start = lines.indexOf(header);
            const rows: string[] = [];
            for (let i = start + 2; lines[i]?.startsWith("|"); i++) {
                rows.push(lines[i]);
            }
            return rows;
        };
        const violations = table("| Level | Policy | Resource | Message |");
        expect(violations).toHaveLength(1);
        expect(violations.map(cellBreaks)).toEqual([5]);
        const exemptions = table("| Policy | Resource | Reason | Source | Expires |");
        expect(exemptions.map(cellBreaks)).toEqual([6]);
    });

    it("adds no images, links, HTML tags, mentions or issue references", () => {
        expect(unescaped(markdown, /!\[|\]\(|<(?!!-- prodready-report -->|\/?details>|\/?summary>)|@everyone|#1\b/g)).toEqual([]);
        expect(markdown).not.toMatch(/[^\\]http:\/\//);
        expect(markdown).not.toMatch(/[^\\]www\./);
    });

    it("keeps the text readable: escaped, not removed", () => {
        expect(markdown).toContain("\\!\\[pixel\\](http\\://evil.example/p.png)".replace("\\!", "!"));
        expect(markdownText("a|b <i> [x](y) *z*")).toBe("a\\|b \\<i\\> \\[x\\](y) \\*z\\*");
        expect(markdownCode("a`b|c")).toBe("``a`b\\|c``");
        expect(markdownCode("`start")).toBe("`` `start ``");
    });

    it("passes no control characters through", () => {
        expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
        expect(markdown).toContain("\\\\x1b");
    });
});

describe("text escaping", () => {
    it("shows terminal control sequences visibly, in names, messages, reasons and paths", () => {
        const text = render(hostileReport(), "text");
        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
        expect(text).toContain("\\x1b]0;title\\x07");
        expect(text).toContain("\\x1b[31mred\\x1b[0m");
        expect(text).toContain("\\x9b2J");
        expect(text).toContain("\\u202eevil");
        expect(text).toContain("(aws:ec2/securityGroup:SecurityGroup: web|sg\\n| injected | row | x | y |\\x1b[2J`x`)");
        expect(text).toContain("program: stacks/\\x1b[2Jshop");
    });

    it("in colour, the only escape sequences are its own colours", () => {
        const text = render(hostileReport(), "text", { color: true });
        expect(text.replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    it("keeps a message's own newlines and tabs, indented under the finding", () => {
        expect(visible("a\tb\nc\u0007")).toBe("a\tb\nc\\x07");
        expect(visibleLine("a\tb\nc")).toBe("a\\tb\\nc");
    });
});

describe("JUnit and SARIF escaping, by their builders", () => {
    it("JUnit XML parses back to the same names and messages, control characters shown visibly", () => {
        const xml = render(hostileReport(), "junit");
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true, isArray: (n) => ["testsuite", "testcase"].includes(n) }).parse(xml);
        const suite = doc.testsuites.testsuite.find((s: any) => s.name === "aws-ec2-restrict-public-ingress");
        expect(suite.testcase[0].name).toBe(`${SG}: ${visibleLine(NAME)}`);
        expect(suite.testcase[0].failure.message).toBe(visible(MESSAGE));
        expect(xml).not.toContain("<img");
        // Text in system-out is a CDATA section: read back as text, never as elements.
        const exempt = doc.testsuites.testsuite.find((s: any) => s.name === "aws-ec2-disallow-public-admin-ports").testcase[0];
        expect(exempt["system-out"]).toContain("<script>alert(1)</script>");
        expect(exempt.script).toBeUndefined();
    });

    it("SARIF is JSON: every string survives exactly", () => {
        const log = JSON.parse(render(hostileReport(), "sarif"));
        const result = log.runs[0].results.find((r: any) => r.ruleId === "aws-ec2-restrict-public-ingress");
        expect(result.message.text).toBe(MESSAGE);
        expect(result.locations[0].logicalLocations[0].name).toBe(NAME);
        expect(buildSarif(hostileReport()).runs[0].results![1].suppressions![0].justification).toContain("<script>alert(1)</script>");
    });
});
