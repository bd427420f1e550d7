import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-rds-require-final-snapshot",
    description: "RDS instances and Aurora clusters take a final snapshot when deleted (skipFinalSnapshot is not true).",
    priority: "P1",
    severity: "medium",
    checklist: ["004.rollback-preparation.previous-version-available", "002.database-setup.database-backups"],
    remediationSteps: "Remove skipFinalSnapshot or set it to false, and set finalSnapshotIdentifier.",
    tags: ["data-protection"],
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, _config, report) => {
        const where = `${type === "aws:rds/cluster:Cluster" ? "RDS cluster" : "RDS instance"} '${name}'`;
        // The provider defaults to false: a final snapshot is taken.
        requireSwitch(props.skipFinalSnapshot, {
            where,
            property: "skipFinalSnapshot",
            required: false,
            wrong: "skips the final snapshot on deletion",
            fix: "set skipFinalSnapshot: false and set finalSnapshotIdentifier",
            malformedFix: "set it to false and set finalSnapshotIdentifier",
        }, report);
    },
});
