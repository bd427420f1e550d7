import { CACHE_CLUSTER, CACHE_REPLICATION_GROUP, METRIC_ALARM_TYPES, metricAlarms, requireAlarms, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { isDeclared, text } from "../../lib/values";

const NAMESPACE = "AWS/ElastiCache";

export default stackPolicy({
    name: "aws-cloudwatch-require-cache-alarms",
    description: "Every Valkey or Redis OSS ElastiCache replication group and cluster has a CloudWatch alarm that notifies someone when CacheHitRate drops below at least the configured percentage.",
    priority: "P2",
    severity: "low",
    checklist: ["004.alerting.warning-cache-hit-rate"],
    remediationSteps: "Add an aws.cloudwatch.MetricAlarm with namespace AWS/ElastiCache, metricName CacheHitRate, statistic Average, comparisonOperator LessThanThreshold, threshold 50 or more, dimensions { CacheClusterId: <replication group id>-001 } and alarmActions.",
    tags: ["observability"],
    config: {
        minimumHitRatePercent: {
            type: "number", minimum: 1, maximum: 100, default: 50,
            description: "The hit-rate alarm must fire once CacheHitRate falls below this percentage. Default 50: 004 warns when the hit rate drops below a threshold, and 003 expects 50-80% for query caches.",
        },
    },
    resourceTypes: [...CACHE_REPLICATION_GROUP.types, ...CACHE_CLUSTER.types, ...METRIC_ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const alarms = metricAlarms(resources);
        const requirements = [{
            label: `CacheHitRate below ${config.minimumHitRatePercent}%`, namespaces: [NAMESPACE],
            signals: [{ metric: "CacheHitRate", direction: "below" as const, limit: config.minimumHitRatePercent, unit: "%" }],
            advice: `namespace ${NAMESPACE}, metricName CacheHitRate, statistic Average, comparisonOperator LessThanThreshold, threshold ${config.minimumHitRatePercent} or more`,
        }];
        for (const kind of [CACHE_REPLICATION_GROUP, CACHE_CLUSTER]) {
            const caches = ofTypes(resources, kind.types);
            const watch = watchAlarms(caches, alarms, kind);
            for (const cache of caches) {
                context.judge(cache, () => {
                    // Memcached publishes no CacheHitRate; a cluster inside a replication group is judged with its group.
                    if (text(cache.props.engine) === "memcached" || (kind === CACHE_CLUSTER && isDeclared(cache.props, "replicationGroupId"))) {
                        return;
                    }
                    requireAlarms(watch, cache, kind, requirements, report);
                });
            }
        }
    },
});
