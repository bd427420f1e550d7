// Every format says which provider functions an embedded preview answered with stand-ins, and each
// finding whose resource was built from stand-in outputs says so.
import { render, FORMATS } from "../../src/report";
import { reportFromAnalysis, standInsOf } from "../../src/report/document";
import { analysis, catalog, resourceTypes, subjects, urn } from "./fixtures";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const VPC = "aws:ec2/vpc:Vpc";

function reportWithStandIns() {
    const run = {
        resources: [
            { urn: urn(VPC, "main"), name: "main", dependencies: [] as string[], propertyDependencies: {} as Record<string, string[]> },
            { urn: urn(SG, "web-sg"), name: "web-sg", dependencies: [urn(VPC, "main")], propertyDependencies: { vpcId: [urn(VPC, "main")] } },
        ],
        standInFunctions: ["aws:ec2/getAmi:getAmi", "aws:index/getAvailabilityZones:getAvailabilityZones"],
        standInResources: [urn(VPC, "main")],
    };
    return reportFromAnalysis(analysis, { catalog, source: { kind: "preview", target: "stacks/shop" }, subjects, resourceTypes, standIns: standInsOf(run) });
}

describe("stand-ins in reports", () => {
    test("a finding on a resource built from stand-in outputs says so, in its message and as data", () => {
        const report = reportWithStandIns();
        const sg = report.findings.find((f) => f.name === "web-sg")!;
        expect(sg.standIns).toEqual(["main"]);
        expect(sg.message).toMatch(/\(judged with stand-ins for what the provider computes for main\)$/);
        const db = report.findings.find((f) => f.name === "app-db")!;
        expect(db.standIns).toBeUndefined();
        expect(report.summary.standInFunctions).toEqual(["aws:ec2/getAmi:getAmi", "aws:index/getAvailabilityZones:getAvailabilityZones"]);
    });

    // GitLab Code Quality holds issues only, no summary of the run: there each finding built from
    // stand-in outputs says so instead (below).
    test.each(FORMATS.filter((f) => f !== "gitlab"))("%s lists the functions answered with stand-ins", (format) => {
        const text = render(reportWithStandIns(), format);
        expect(text).toContain("aws:ec2/getAmi:getAmi");
        expect(text).toContain("aws:index/getAvailabilityZones:getAvailabilityZones");
    });

    test("gitlab says on each finding built from stand-in outputs that it was", () => {
        const issues: Array<{ check_name: string; description: string }> = JSON.parse(render(reportWithStandIns(), "gitlab"));
        expect(issues.find((i) => i.description.includes("'web-sg'"))!.description).toContain("(judged with stand-ins for what the provider computes for main)");
    });

    test("a run without stand-ins reports none", () => {
        const report = reportFromAnalysis(analysis, { catalog, source: { kind: "preview" }, subjects, resourceTypes, standIns: standInsOf({ resources: [] }) });
        expect(report.summary.standInFunctions).toBeUndefined();
        expect(render(report, "text")).not.toContain("Stand-ins:");
    });
});
