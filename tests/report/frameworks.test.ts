// `--group-by <framework>`: the report's findings by control, with a verdict each, in the text,
// Markdown and JSON formats; the other formats leave the grouping out.
import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { frameworkTags } from "../../policies/lib/frameworks";
import type { Report } from "../../src/report/document";
import { FRAMEWORK_IDS, frameworkControls, withFrameworkControls } from "../../src/report/frameworks";
import { render } from "../../src/report/index";
import { renderMarkdown } from "../../src/report/markdown";
import { fixtureReport } from "./fixtures";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * The fixture run (a mandatory violation of aws-ec2-restrict-public-ingress, an advisory one of
 * aws-rds-require-final-snapshot, a mandatory unknown of aws-rds-require-backup-retention, exemptions
 * of aws-ec2-disallow-public-admin-ports and aws-rds-require-tls) with the pack's framework tags;
 * aws-rds-require-deletion-protection, which found nothing, is mapped here to REL10-BP01 and to a
 * control the catalog does not define.
 */
function taggedReport(): Report {
    const report = fixtureReport();
    return {
        ...report,
        policies: report.policies.map((p) => ({
            ...p,
            tags: [...p.tags, ...frameworkTags(p.name),
                ...(p.name === "aws-rds-require-deletion-protection" ? ["framework:aws-well-architected:REL10-BP01", "framework:aws-well-architected:REL99-BP01"] : [])],
        })),
    };
}

const control = (report: Report, id: string) => report.frameworkControls!.controls.find((c) => c.id === id)!;

describe("findings by framework control", () => {
    const report = withFrameworkControls(taggedReport(), "aws-well-architected");

    it("gives each control the verdict of its policies' findings", () => {
        expect(control(report, "SEC05-BP02")).toMatchObject({
            title: "Control traffic flow within your network layers",
            url: "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_layered.html",
            verdict: "failing",
            policies: [{ name: "aws-ec2-disallow-public-admin-ports", enforcementLevel: "mandatory" }, { name: "aws-ec2-restrict-public-ingress", enforcementLevel: "mandatory" }],
            findings: [{ policy: "aws-ec2-restrict-public-ingress", outcome: "violation", enforcementLevel: "mandatory", name: "web-sg" }],
            exemptions: 1,
        });
        // An advisory violation fails the control, though not the gate.
        expect(control(report, "REL09-BP01").verdict).toBe("failing");
        expect(control(report, "REL09-BP03")).toMatchObject({ verdict: "not-verified", findings: [{ policy: "aws-rds-require-backup-retention", notVerified: true }] });
        expect(control(report, "SEC09-BP02")).toMatchObject({ verdict: "exempt", findings: [], exemptions: 1 });
        expect(control(report, "REL10-BP01")).toMatchObject({ verdict: "passing", policies: [{ name: "aws-rds-require-deletion-protection" }] });
        // A control of the catalog no policy of the run checks, and one only the tags name.
        expect(control(report, "SEC08-BP02")).toMatchObject({ verdict: "not-checked", policies: [] });
        expect(control(report, "REL99-BP01")).toEqual(expect.objectContaining({ id: "REL99-BP01", verdict: "passing" }));
        expect(control(report, "REL99-BP01").title).toBeUndefined();
        expect(report.frameworkControls!.controls.at(-1)!.id).toBe("REL99-BP01");
        expect(report.frameworkControls!.unmapped).toEqual({ findings: 0, policies: [] });
    });

    it("counts a disabled policy's control as not checked, and findings of unmapped policies apart", () => {
        const base = taggedReport();
        const disabled = { ...base, policies: base.policies.map((p) => (p.name === "aws-ec2-disallow-public-admin-ports" ? { ...p, enforcementLevel: "disabled" } : p)) };
        const cis = frameworkControls(disabled, "cis-aws-foundations");
        expect(cis.controls.find((c) => c.id === "5.3")).toMatchObject({ verdict: "not-checked", policies: [{ name: "aws-ec2-disallow-public-admin-ports", enforcementLevel: "disabled" }] });
        expect(cis.unmapped).toEqual({ findings: 3, policies: ["aws-ec2-restrict-public-ingress", "aws-rds-require-backup-retention", "aws-rds-require-final-snapshot"] });
        expect(frameworkControls(base, "cis-aws-foundations").controls.find((c) => c.id === "5.3")!.verdict).toBe("exempt");
    });

    it("is shown by the text report, each finding under its control", () => {
        const text = render(report, "text");
        const section = text.slice(text.indexOf("By AWS Well-Architected Framework control:"));
        expect(section).toContain("SEC05-BP02  Control traffic flow within your network layers: failing  (aws-ec2-disallow-public-admin-ports; aws-ec2-restrict-public-ingress)\n" +
            "            - [mandatory]  aws-ec2-restrict-public-ingress  (aws:ec2/securityGroup:SecurityGroup: web-sg)\n            1 exempt\n");
        expect(section).toContain("REL09-BP03  Perform data backup automatically: not verified");
        expect(section).toContain("SEC08-BP02  Enforce encryption at rest: not checked  (no policy ran)");
        expect(render(fixtureReport(), "text")).not.toContain("By AWS Well-Architected");
    });

    it("is shown by the Markdown report, one row per control", () => {
        const markdown = renderMarkdown(report, { lineLink: () => undefined });
        expect(markdown).toContain("### By AWS Well-Architected Framework control");
        expect(markdown).toContain("| [`SEC05-BP02`](https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_layered.html) Control traffic flow within your network layers | " +
            "❌ failing | 1 (1 mandatory) | 0 | 1 | `aws-ec2-disallow-public-admin-ports`, `aws-ec2-restrict-public-ingress` |");
        expect(markdown).toContain("| `REL99-BP01` | ✅ passing | 0 | 0 | 0 | `aws-rds-require-deletion-protection` |");
        expect(renderMarkdown(fixtureReport(), { lineLink: () => undefined })).not.toContain("### By ");
        const cis = renderMarkdown(withFrameworkControls(taggedReport(), "cis-aws-foundations"), { lineLink: () => undefined });
        expect(cis).toContain("Mapped to no control: 3 findings of `aws-ec2-restrict-public-ingress`, `aws-rds-require-backup-retention`, `aws-rds-require-final-snapshot`.");
    });

    it("is in the JSON report, valid against docs/report.schema.json", () => {
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "report.schema.json"), "utf8"));
        const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
        const json = JSON.parse(render(report, "json"));
        expect(validate(json) ? [] : validate.errors).toEqual([]);
        expect(json.frameworkControls.framework).toMatchObject({ id: "aws-well-architected", name: "AWS Well-Architected Framework" });
        expect(json.frameworkControls.controls.find((c: { id: string }) => c.id === "SEC05-BP02").verdict).toBe("failing");
        expect(schema.properties.frameworkControls.properties.framework.properties.id.enum).toEqual(FRAMEWORK_IDS);
        expect(JSON.parse(render(fixtureReport(), "json")).frameworkControls).toBeUndefined();
        // The schema is not vacuous about the grouping.
        expect(validate({ ...json, frameworkControls: { ...json.frameworkControls, controls: [{ id: "x", verdict: "green", policies: [], findings: [], exemptions: 0 }] } })).toBe(false);
    });

    it("is left out by the formats that do not show it", () => {
        for (const format of ["sarif", "junit", "html", "github", "gitlab"] as const) {
            expect([format, render(report, format)]).toEqual([format, render(taggedReport(), format)]);
        }
    });
});
