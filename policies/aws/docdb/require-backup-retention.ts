import { resourcePolicy } from "../../lib/define";
import { describeType, integer } from "../../lib/values";

export default resourcePolicy({
    name: "aws-docdb-require-backup-retention",
    description: "DocumentDB clusters keep automated backups for at least the minimum number of days.",
    priority: "P0",
    severity: "high",
    checklist: ["004.database-backups.mongodb-backups", "003.backup-disaster-recovery.backup-retention"],
    remediationSteps: "Set backupRetentionPeriod to the minimum (30 by default) or more, up to 35.",
    tags: ["data-protection"],
    config: {
        minimumDays: {
            type: "integer",
            minimum: 1,
            maximum: 35,
            default: 30,
            description: "Minimum retention of automated backups, in days. Default 30: 004 asks for MongoDB backups retained 30 days (003 too).",
        },
    },
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        const where = `DocumentDB cluster '${name}'`;
        const value = props.backupRetentionPeriod;
        if (value === undefined) {
            report(`${where} omits backupRetentionPeriod, so AWS keeps backups 1 day: set backupRetentionPeriod to ${config.minimumDays} or more.`);
            return;
        }
        const days = integer(value);
        if (days === undefined) {
            report(`${where} sets backupRetentionPeriod to ${describeType(value)}, not a number of days: set it to ${config.minimumDays} or more.`);
        } else if (days < config.minimumDays) {
            report(`${where} keeps backups ${days} day(s), below the minimum ${config.minimumDays}: set backupRetentionPeriod to ${config.minimumDays} or more.`);
        }
    },
});
