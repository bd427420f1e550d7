import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-cache-alarms";
import { checkStack, UNKNOWN } from "../../../harness/policy";
import { alarm, ALARM, resource, urnOf } from "./alarm-fixtures";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";
const group: aws.elasticache.ReplicationGroupArgs = { replicationGroupId: "app-cache", description: "cache", engine: "redis", nodeType: "cache.r7g.large", numCacheClusters: 2 };
const hitRate = alarm("AWS/ElastiCache", "CacheHitRate", 50, { CacheClusterId: "app-cache-001" }, { comparisonOperator: "LessThanThreshold" });
const stack = (g: aws.elasticache.ReplicationGroupArgs, ...alarms: aws.cloudwatch.MetricAlarmArgs[]) =>
    [resource(GROUP, "cache", g), ...alarms.map((a, i) => resource(ALARM, `alarm-${i}`, a))];

describe("aws-cloudwatch-require-cache-alarms", () => {
    it("passes a replication group whose node group alarms when CacheHitRate drops under 50%", () => {
        expect(checkStack(policy, stack(group, hitRate))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack(group, { ...hitRate, threshold: 70, dimensions: { ReplicationGroupId: "app-cache" } }))).toEqual({ violations: [], urns: [] });
    });

    it("accepts an anomaly-detection alarm on the lower band: its band has no fixed threshold to compare", () => {
        const band: aws.cloudwatch.MetricAlarmArgs = {
            comparisonOperator: "LessThanLowerThreshold", evaluationPeriods: 3, thresholdMetricId: "band", alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"],
            metricQueries: [
                { id: "hits", returnData: true, metric: { namespace: "AWS/ElastiCache", metricName: "CacheHitRate", stat: "Average", period: 300, dimensions: { CacheClusterId: "app-cache-001" } } },
                { id: "band", expression: "ANOMALY_DETECTION_BAND(hits, 2)" },
            ],
        };
        expect(checkStack(policy, stack(group, band))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack(group, { ...band, comparisonOperator: "GreaterThanUpperThreshold" })).violations).toEqual([expect.stringContaining("compares CacheHitRate with GreaterThanUpperThreshold, not LessThanThreshold")]);
    });

    it("fires without an alarm, on an alarm at 20%, and on one that alarms when the rate rises", () => {
        const verdict = checkStack(policy, stack(group));
        expect(verdict.violations).toEqual([expect.stringMatching(/^ElastiCache replication group 'cache' has no CloudWatch alarm with alarmActions on CacheHitRate below 50%: add .*comparisonOperator LessThanThreshold, threshold 50 or more/)]);
        expect(verdict.urns).toEqual([urnOf(GROUP, "cache")]);
        expect(checkStack(policy, stack(group, { ...hitRate, threshold: 20 })).violations).toEqual([expect.stringContaining("below 20%, later than the limit 50%")]);
        expect(checkStack(policy, stack(group, { ...hitRate, comparisonOperator: "GreaterThanThreshold" })).violations).toEqual([expect.stringContaining("compares CacheHitRate with GreaterThanThreshold, not LessThanThreshold")]);
    });

    it("judges a group with engine omitted (Redis OSS) and standalone Redis clusters; skips Memcached and member clusters", () => {
        expect(checkStack(policy, stack({ ...group, engine: undefined })).violations).toHaveLength(1);
        const redis: aws.elasticache.ClusterArgs = { clusterId: "sessions", engine: "redis", nodeType: "cache.t4g.small", numCacheNodes: 1 };
        expect(checkStack(policy, [resource(CLUSTER, "sessions", redis)]).violations).toHaveLength(1);
        expect(checkStack(policy, [resource(CLUSTER, "sessions", redis), resource(ALARM, "hit", { ...hitRate, dimensions: { CacheClusterId: "sessions" } })]).violations).toEqual([]);
        expect(checkStack(policy, [resource(CLUSTER, "memo", { clusterId: "memo", engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 2 })]).violations).toEqual([]);
        expect(checkStack(policy, [resource(CLUSTER, "member", { clusterId: "app-cache-003", replicationGroupId: "app-cache" })]).violations).toEqual([]);
    });

    it("links through the graph, and is unknown when an unplaced alarm's dimension is unknown", () => {
        const linked = [resource(GROUP, "cache", { ...group, replicationGroupId: undefined }), resource(ALARM, "hit", { ...hitRate, dimensions: { CacheClusterId: UNKNOWN } }, { propertyDependencies: { dimensions: [urnOf(GROUP, "cache")] } })];
        expect(checkStack(policy, linked)).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [resource(GROUP, "cache", group), resource(ALARM, "hit", { ...hitRate, dimensions: { CacheClusterId: UNKNOWN } })]).unknownUrns).toEqual([urnOf(GROUP, "cache")]);
    });

    it("reads the minimum hit rate from the config", () => {
        expect(checkStack(policy, stack(group, hitRate), { minimumHitRatePercent: 70 }).violations).toEqual([expect.stringContaining("later than the limit 70%")]);
        expect(checkStack(policy, stack(group, { ...hitRate, threshold: 20 }), { minimumHitRatePercent: 20 }).violations).toEqual([]);
    });

    it("reads a cluster's replication group id only as present, as it is unknown during preview", () => {
        const member: aws.elasticache.ClusterArgs = { clusterId: "app-cache-001", replicationGroupId: UNKNOWN };
        expect(checkStack(policy, [resource(CLUSTER, "member", member)])).toEqual({ violations: [], urns: [] });
    });
});
