import { resourcePolicy } from "../../lib/define";
import { AWS_MAXIMUM_BACKUP_DAYS, minimumBackupDaysSetting, requireAtLeast } from "../../lib/checks";
import { isDeclared, text } from "../../lib/values";

const CLUSTER = "aws:elasticache/cluster:Cluster";

export default resourcePolicy({
    name: "aws-elasticache-require-snapshot-retention",
    description: "ElastiCache Redis OSS and Valkey caches take daily automatic snapshots and keep them at least the minimum number of days, and no more than the 35 days ElastiCache accepts.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.database-backups.redis-backups", "004.database-optimization.redis-persistence"],
    remediationSteps: "Set snapshotRetentionLimit to the minimum (1 by default) or more, and a snapshotWindow outside peak hours.",
    tags: ["data-protection"],
    config: {
        minimumDays: minimumBackupDaysSetting(1, "Minimum snapshotRetentionLimit, in days. Default 1: 004 asks for daily Redis backups without a retention (its 30 days is for MongoDB); 0, the AWS default, turns snapshots off. Raise it to 30 to apply 004's general 30-day backup retention to caches."),
    },
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup", CLUSTER],
    validate: ({ type, name, props }, config, report) => {
        let where = `ElastiCache replication group '${name}'`;
        if (type === CLUSTER) {
            // Memcached has no snapshots; a member of a replication group is judged with its group.
            if (text(props.engine) === "memcached" || isDeclared(props, "replicationGroupId")) {
                return;
            }
            where = `ElastiCache cluster '${name}'`;
        }
        requireAtLeast(props.snapshotRetentionLimit, {
            where,
            property: "snapshotRetentionLimit",
            minimum: config.minimumDays,
            unit: "day(s)",
            omitted: "which AWS sets to 0 (no snapshots)",
            accepted: { maximum: AWS_MAXIMUM_BACKUP_DAYS, by: "ElastiCache" },
        }, report);
    },
});
