import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-rds-require-deletion-protection",
    description: "RDS instances and Aurora clusters have deletion protection on, so a stray `pulumi destroy` or replacement cannot drop the database.",
    priority: "P1",
    severity: "high",
    checklist: ["002.database-setup.production-database", "002.compliance-verification.backup-security"],
    remediationSteps: "Set deletionProtection: true.",
    tags: ["data-protection"],
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, _config, report) => {
        const where = `${type === "aws:rds/cluster:Cluster" ? "RDS cluster" : "RDS instance"} '${name}'`;
        requireTrue(props.deletionProtection, where, "deletionProtection", "which AWS leaves off", "set deletionProtection: true", report);
    },
});
