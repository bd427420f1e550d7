import type { PolicyResource } from "@pulumi/policy";
import { AlarmRequirement, METRIC_ALARM_TYPES, metricAlarms, RDS_CLUSTER, RDS_INSTANCE, requireAlarms, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { integer, text } from "../../lib/values";

const NAMESPACE = "AWS/RDS";
const GIB = 1024 ** 3;

export default stackPolicy({
    name: "aws-cloudwatch-require-database-alarms",
    description: "Every RDS instance and cluster has CloudWatch alarms that notify someone on CPUUtilization above the configured percentage, on DatabaseConnections, and (unless Aurora, whose storage grows by itself) on FreeStorageSpace below the share of allocated storage that the configured disk usage leaves free.",
    priority: "P1",
    severity: "high",
    checklist: [
        "003.monitoring-logging.alert-disk-space",
        "004.alerting.critical-disk",
        "004.alerting.critical-database-connection-failures",
        "004.metrics-monitoring.infrastructure-metrics",
        "003.monitoring-logging.alert-high-cpu",
    ],
    remediationSteps: "Add aws.cloudwatch.MetricAlarm resources with namespace AWS/RDS, dimensions { DBInstanceIdentifier } or { DBClusterIdentifier } and alarmActions: CPUUtilization above 80, DatabaseConnections, and FreeStorageSpace below 15% of allocatedStorage (in bytes) for non-Aurora databases.",
    tags: ["observability"],
    config: {
        maximumCpuPercent: {
            type: "number", minimum: 1, maximum: 100, default: 80,
            description: "The CPU alarm must fire once CPUUtilization exceeds this percentage. Default 80: 003 alerts on CPU > 80% for 5 minutes.",
        },
        maximumDiskUsedPercent: {
            type: "number", minimum: 1, maximum: 99, default: 85,
            description: "The storage alarm must fire once more than this percentage of allocatedStorage is used, i.e. FreeStorageSpace below the rest. Default 85: 003 and 004 alert on disk usage > 85%.",
        },
    },
    resourceTypes: [...RDS_CLUSTER.types, ...RDS_INSTANCE.types, ...METRIC_ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const alarms = metricAlarms(resources);
        const cpu: AlarmRequirement = {
            label: `CPUUtilization above ${config.maximumCpuPercent}%`, namespaces: [NAMESPACE],
            signals: [{ metric: "CPUUtilization", direction: "above", limit: config.maximumCpuPercent, unit: "%" }],
            advice: `namespace ${NAMESPACE}, metricName CPUUtilization, statistic Average, comparisonOperator GreaterThanThreshold, threshold ${config.maximumCpuPercent} or less`,
        };
        // RDS publishes no count of failed connections: the count of open ones shows the pool
        // exhausting (rising) or the application losing the database (falling).
        const connections: AlarmRequirement = {
            label: "DatabaseConnections", namespaces: [NAMESPACE],
            signals: [{ metric: "DatabaseConnections", direction: "above" }, { metric: "DatabaseConnections", direction: "below" }],
            advice: `namespace ${NAMESPACE}, metricName DatabaseConnections, statistic Maximum, comparisonOperator GreaterThanThreshold, threshold near the engine's max_connections`,
        };
        const freeShare = (100 - config.maximumDiskUsedPercent) / 100;
        const storage = (database: PolicyResource): AlarmRequirement => {
            const gib = integer(database.props.allocatedStorage);
            const limit = gib === undefined ? undefined : Math.round(gib * GIB * freeShare);
            const share = `${Math.round(freeShare * 100)}% of allocatedStorage`;
            return {
                label: `FreeStorageSpace below ${share}${gib === undefined ? "" : ` (${limit} bytes of ${gib} GiB)`}`, namespaces: [NAMESPACE],
                signals: [{ metric: "FreeStorageSpace", direction: "below", limit, unit: "bytes" }],
                advice: `namespace ${NAMESPACE}, metricName FreeStorageSpace, statistic Minimum, comparisonOperator LessThanThreshold, threshold ${limit === undefined ? share : `${limit}`} (bytes) or more`,
            };
        };
        for (const kind of [RDS_INSTANCE, RDS_CLUSTER]) {
            const databases = ofTypes(resources, kind.types);
            const watch = watchAlarms(databases, alarms, kind);
            for (const database of databases) {
                context.judge(database, () => {
                    // Aurora's cluster volume grows by itself: there is no allocated storage to fill.
                    const aurora = (text(database.props.engine) ?? "").startsWith("aurora");
                    requireAlarms(watch, database, kind, aurora ? [cpu, connections] : [cpu, connections, storage(database)], report);
                });
            }
        }
    },
});
