import { AWS_MAXIMUM_BACKUP_DAYS, minimumBackupDaysSetting, requireAtLeast } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-redshift-require-snapshot-retention",
    description: "Redshift clusters keep automated snapshots for at least the minimum number of days, and no more than the 35 days Redshift accepts (0 turns automated snapshots off).",
    priority: "P0",
    severity: "high",
    checklist: ["003.backup-disaster-recovery.backup-retention", "002.database-setup.database-backups"],
    remediationSteps: "Set automatedSnapshotRetentionPeriod to the minimum (30 by default) or more, up to 35.",
    tags: ["data-protection"],
    config: {
        minimumDays: minimumBackupDaysSetting(30, "Minimum retention of automated snapshots, in days. Default 30: 003 asks for backups retained at least 30 days."),
    },
    resourceTypes: ["aws:redshift/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        requireAtLeast(props.automatedSnapshotRetentionPeriod, {
            where: `Redshift cluster '${name}'`,
            property: "automatedSnapshotRetentionPeriod",
            minimum: config.minimumDays,
            unit: "day(s)",
            omitted: "so Redshift keeps automated snapshots 1 day",
            accepted: { maximum: AWS_MAXIMUM_BACKUP_DAYS, by: "Redshift" },
        }, report);
    },
});
