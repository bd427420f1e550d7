import { resourcePolicy } from "../../lib/define";
import { AWS_MAXIMUM_BACKUP_DAYS, minimumBackupDaysSetting, requireAtLeast } from "../../lib/checks";

export default resourcePolicy({
    name: "aws-docdb-require-backup-retention",
    description: "DocumentDB clusters keep automated backups for at least the minimum number of days, and no more than the 35 days DocumentDB accepts.",
    priority: "P0",
    severity: "high",
    checklist: ["004.database-backups.mongodb-backups", "003.backup-disaster-recovery.backup-retention"],
    remediationSteps: "Set backupRetentionPeriod to the minimum (30 by default) or more, up to 35.",
    tags: ["data-protection"],
    config: {
        minimumDays: minimumBackupDaysSetting(30, "Minimum retention of automated backups, in days. Default 30: 004 asks for MongoDB backups retained 30 days (003 too)."),
    },
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        requireAtLeast(props.backupRetentionPeriod, {
            where: `DocumentDB cluster '${name}'`,
            property: "backupRetentionPeriod",
            minimum: config.minimumDays,
            unit: "day(s)",
            omitted: "so AWS keeps backups 1 day",
            accepted: { maximum: AWS_MAXIMUM_BACKUP_DAYS, by: "DocumentDB" },
        }, report);
    },
});
