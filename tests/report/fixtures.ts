// A hand-made run for the report tests: one mandatory violation, one advisory, one unknown of a
// mandatory policy (not verified), one exemption from the config, one from a stack policy, and a
// policy that passed; a custom resource no policy looks at, and a provider and the stack, which are
// not policy subjects.
import type { PolicyScope } from "../../src/pack/load";
import * as path from "path";
import type { Analysis, PolicyInfo } from "../../src/report/analysis";
import { loadCatalog } from "../../src/catalog/catalog";
import { Report, reportFromAnalysis } from "../../src/report/document";

export const catalog = loadCatalog(path.join(__dirname, "fixtures", "checklist.yaml"));

const SG = "aws:ec2/securityGroup:SecurityGroup";
const DB = "aws:rds/instance:Instance";
const CRD = "kubernetes:stable.example.com/v1:CronTab";
export const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;

function policy(name: string, priority: "P0" | "P1" | "P2", checklist: string[], kind: "resource" | "stack" = "resource"): PolicyInfo {
    return {
        name, description: `Description of ${name}.`, severity: priority === "P0" ? "high" : "medium",
        enforcementLevel: priority === "P0" ? "mandatory" : "advisory", kind, tags: ["aws", `priority:${priority}`],
        remediationSteps: `Fix ${name}.`, framework: { name: "prodready-checklists", version: "1", reference: checklist.join(", "), specification: "catalog/checklist.yaml" },
    };
}

export const analysis: Analysis = {
    pack: {
        name: "production-readiness", version: "0.1.0",
        policies: [
            policy("aws-ec2-disallow-public-admin-ports", "P0", ["t.network.admin-ports"]),
            policy("aws-ec2-restrict-public-ingress", "P0", ["t.network.only-web-ports"]),
            policy("aws-rds-require-backup-retention", "P0", ["t.data.backups"]),
            policy("aws-rds-require-tls", "P1", ["t.data.tls"], "stack"),
            policy("aws-rds-require-final-snapshot", "P2", ["t.data.snapshots"]),
            policy("aws-rds-require-deletion-protection", "P1", ["t.data.deletion-protection"]),
        ],
    },
    resources: 6,
    findings: [
        { policy: "aws-ec2-restrict-public-ingress", level: "mandatory", outcome: "violation", message: "security group 'web-sg' ingress #1 opens port 22 to 0.0.0.0/0: only ports 80, 443 may be open.", urn: urn(SG, "web-sg"), type: SG, name: "web-sg", severity: "high", description: "" },
        { policy: "aws-rds-require-final-snapshot", level: "advisory", outcome: "violation", message: "RDS instance 'app-db' skips the final snapshot: set skipFinalSnapshot to false.", urn: urn(DB, "app-db"), type: DB, name: "app-db", severity: "medium", description: "" },
        { policy: "aws-rds-require-backup-retention", level: "advisory", outcome: "unknown", message: "can't run policy 'aws-rds-require-backup-retention' from policy pack 'production-readiness@v0.1.0' during preview: number value at .backupRetentionPeriod can't be known during preview", urn: urn(DB, "app-db"), type: DB, name: "app-db", severity: "high", description: "" },
    ],
    notApplicable: [
        { policy: "aws-ec2-disallow-public-admin-ports", reason: `exempt: bastion replacement lands in Q3 (source: policy-pack config "web-*", expires 2027-03-31)`, urn: urn(SG, "web-sg"), type: SG, name: "web-sg" },
        { policy: "aws-rds-require-tls", reason: `exempt ${urn(DB, "legacy-db")}: vendor database, TLS terminated by the proxy (source: tag prodready:exempt)` },
    ],
    levels: {
        "aws-ec2-disallow-public-admin-ports": "mandatory", "aws-ec2-restrict-public-ingress": "mandatory",
        "aws-rds-require-backup-retention": "mandatory", "aws-rds-require-tls": "advisory", "aws-rds-require-final-snapshot": "advisory",
        "aws-rds-require-deletion-protection": "advisory",
    },
    durationMillis: 12,
};

export const subjects = [
    { urn: urn("pulumi:pulumi:Stack", "shop-prod"), type: "pulumi:pulumi:Stack", custom: false },
    { urn: urn("pulumi:providers:aws", "default"), type: "pulumi:providers:aws", custom: true },
    { urn: urn(SG, "web-sg"), type: SG, custom: true },
    { urn: urn(DB, "app-db"), type: DB, custom: true },
    { urn: urn(DB, "legacy-db"), type: DB, custom: true },
    { urn: urn(CRD, "nightly"), type: CRD, custom: true },
];

/** The resource types of the fixture's resource policies (aws-rds-require-tls is a stack policy). */
export const resourceTypes = new Map<string, PolicyScope>(([
    ["aws-ec2-disallow-public-admin-ports", [SG]], ["aws-ec2-restrict-public-ingress", [SG]],
    ["aws-rds-require-backup-retention", [DB]], ["aws-rds-require-final-snapshot", [DB]], ["aws-rds-require-deletion-protection", [DB]],
] as const).map(([name, types]) => [name, { resourceTypes: types }]));

export function fixtureReport(): Report {
    return reportFromAnalysis(analysis, { catalog, source: { kind: "preview", target: "stacks/shop" }, subjects, resourceTypes });
}
