import { resourcePolicy } from "../../lib/define";
import { AWS_MAXIMUM_BACKUP_DAYS, minimumBackupDaysSetting, requireAtLeast } from "../../lib/checks";
import { isDeclared } from "../../lib/values";

/** What AWS keeps when backupRetentionPeriod is omitted: 1 day for instances and clusters. */
const AWS_DEFAULT_DAYS = 1;

export default resourcePolicy({
    name: "aws-rds-require-backup-retention",
    description: "RDS instances and Aurora clusters keep automated backups for at least the minimum number of days, and no more than the 35 days RDS accepts. A read replica (replicateSourceDb) is judged only when it sets a retention: AWS turns automated backups off on replicas by default, and the source instance keeps the backups.",
    priority: "P0",
    severity: "high",
    checklist: ["003.backup-disaster-recovery.backup-retention", "004.database-backups.mongodb-backups", "002.database-setup.database-backups"],
    remediationSteps: "Set backupRetentionPeriod to the minimum (30 by default) or more, up to 35.",
    tags: ["data-protection"],
    config: {
        minimumDays: minimumBackupDaysSetting(30, "Minimum retention of automated backups, in days. Default 30: 003 and 004 ask for backups retained 30 days."),
    },
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, config, report) => {
        const kind = type === "aws:rds/cluster:Cluster" ? "RDS cluster" : "RDS instance";
        const replica = type === "aws:rds/instance:Instance" && isDeclared(props, "replicateSourceDb");
        requireAtLeast(props.backupRetentionPeriod, {
            where: `${kind} '${name}'`,
            property: "backupRetentionPeriod",
            minimum: replica ? 0 : config.minimumDays,
            unit: "day(s)",
            omitted: replica ? undefined : `so AWS keeps backups ${AWS_DEFAULT_DAYS} day`,
            accepted: { maximum: AWS_MAXIMUM_BACKUP_DAYS, by: "RDS" },
        }, report);
    },
});
