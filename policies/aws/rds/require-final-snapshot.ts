import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given } from "../../lib/values";

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
        const value = given(props.skipFinalSnapshot);
        if (value === undefined) {
            return; // the provider defaults to false: a final snapshot is taken
        }
        const skip = bool(value);
        if (skip === undefined) {
            report(`${where} sets skipFinalSnapshot to ${describeType(value)}, not a boolean: set it to false and set finalSnapshotIdentifier.`);
        } else if (skip) {
            report(`${where} skips the final snapshot on deletion: set skipFinalSnapshot: false and set finalSnapshotIdentifier.`);
        }
    },
});
