import { resourcePolicy } from "../../lib/define";
import { describeType, integer } from "../../lib/values";

/** What AWS keeps when backupRetentionPeriod is omitted: 1 day for instances and clusters. */
const AWS_DEFAULT_DAYS = 1;

export default resourcePolicy({
    name: "aws-rds-require-backup-retention",
    description: "RDS instances and Aurora clusters keep automated backups for at least the minimum number of days.",
    priority: "P0",
    severity: "high",
    checklist: ["003.backup-disaster-recovery.backup-retention", "004.database-backups.mongodb-backups", "002.database-setup.database-backups"],
    remediationSteps: "Set backupRetentionPeriod to the minimum (30 by default) or more, up to 35.",
    tags: ["data-protection"],
    config: {
        minimumDays: {
            type: "integer",
            minimum: 1,
            maximum: 35,
            default: 30,
            description: "Minimum retention of automated backups, in days. Default 30: 003 and 004 ask for backups retained 30 days.",
        },
    },
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, config, report) => {
        const kind = type === "aws:rds/cluster:Cluster" ? "RDS cluster" : "RDS instance";
        const value = props.backupRetentionPeriod;
        if (value === undefined) {
            report(`${kind} '${name}' omits backupRetentionPeriod, so AWS keeps backups ${AWS_DEFAULT_DAYS} day: set backupRetentionPeriod to ${config.minimumDays} or more.`);
            return;
        }
        const days = integer(value);
        if (days === undefined) {
            report(`${kind} '${name}' sets backupRetentionPeriod to ${describeType(value)}, not a number of days: set it to ${config.minimumDays} or more.`);
        } else if (days < config.minimumDays) {
            report(`${kind} '${name}' keeps backups ${days} day(s), below the minimum ${config.minimumDays}: set backupRetentionPeriod to ${config.minimumDays} or more.`);
        }
    },
});
