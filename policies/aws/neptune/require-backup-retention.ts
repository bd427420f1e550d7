import { AWS_MAXIMUM_BACKUP_DAYS, minimumBackupDaysSetting, requireAtLeast } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-neptune-require-backup-retention",
    description: "Neptune clusters keep automated backups for at least the minimum number of days, and no more than the 35 days Neptune accepts.",
    priority: "P0",
    severity: "high",
    checklist: ["003.backup-disaster-recovery.backup-retention", "002.database-setup.database-backups"],
    remediationSteps: "Set backupRetentionPeriod to the minimum (30 by default) or more, up to 35.",
    tags: ["data-protection"],
    config: {
        minimumDays: minimumBackupDaysSetting(30, "Minimum retention of automated backups, in days. Default 30: 003 asks for backups retained at least 30 days."),
    },
    resourceTypes: ["aws:neptune/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        requireAtLeast(props.backupRetentionPeriod, {
            where: `Neptune cluster '${name}'`,
            property: "backupRetentionPeriod",
            minimum: config.minimumDays,
            unit: "day(s)",
            omitted: "so Neptune keeps backups 1 day",
            accepted: { maximum: AWS_MAXIMUM_BACKUP_DAYS, by: "Neptune" },
        }, report);
    },
});
