import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-service-alarms";
import { checkStack, UNKNOWN } from "../../../harness/policy";
import { alarm, ALARM, resource, urnOf } from "./alarm-fixtures";

const SERVICE = "aws:ecs/service:Service";
const CLUSTER = "aws:ecs/cluster:Cluster";
const service: aws.ecs.ServiceArgs = { name: "api", cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/app", desiredCount: 2 };
const dims = { ClusterName: "app", ServiceName: "api" };
const cpu = alarm("AWS/ECS", "CPUUtilization", 80, dims);
const memory = alarm("AWS/ECS", "MemoryUtilization", 90, dims);
const stack = (svc: aws.ecs.ServiceArgs, ...alarms: aws.cloudwatch.MetricAlarmArgs[]) =>
    [resource(SERVICE, "api", svc), ...alarms.map((a, i) => resource(ALARM, `alarm-${i}`, a))];

describe("aws-cloudwatch-require-service-alarms", () => {
    it("passes a service with CPU > 80% and memory > 90% alarms that notify", () => {
        expect(checkStack(policy, stack(service, cpu, memory))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack(service, { ...cpu, threshold: 70 }, { ...memory, threshold: 80, comparisonOperator: "GreaterThanOrEqualToThreshold" }))).toEqual({ violations: [], urns: [] });
    });

    it("fires once per missing alarm", () => {
        const verdict = checkStack(policy, stack(service));
        expect(verdict.violations).toEqual([
            expect.stringMatching(/^ECS service 'api' has no CloudWatch alarm with alarmActions on CPUUtilization above 80%: add .*namespace AWS\/ECS, metricName CPUUtilization/),
            expect.stringContaining("on MemoryUtilization above 90%: add an aws.cloudwatch.MetricAlarm with namespace AWS/ECS, metricName MemoryUtilization, statistic Average, comparisonOperator GreaterThanThreshold, threshold 90 or less, dimensions { ServiceName: ..., ClusterName: ... } and alarmActions"),
        ]);
        expect(verdict.urns).toEqual([urnOf(SERVICE, "api"), urnOf(SERVICE, "api")]);
    });

    it("fires on thresholds above the limits, a missing ClusterName dimension, another namespace, or no actions", () => {
        const cases: [aws.cloudwatch.MetricAlarmArgs, string][] = [
            [{ ...memory, threshold: 95 }, "alarms on MemoryUtilization above 95%, later than the limit 90%"],
            [{ ...memory, dimensions: { ServiceName: "api" } }, "names no ClusterName dimension"],
            [{ ...memory, alarmActions: undefined }, "sets no alarmActions"],
        ];
        for (const [bad, reason] of cases) {
            expect(checkStack(policy, stack(service, cpu, bad)).violations).toEqual([expect.stringContaining(reason)]);
        }
        expect(checkStack(policy, stack(service, cpu, { ...memory, namespace: "ECS/ContainerInsights" })).violations).toEqual([expect.stringMatching(/on MemoryUtilization above 90%: add/)]);
    });

    it("judges a service whose name is omitted (generated) through the graph", () => {
        const resources = [resource(CLUSTER, "cluster", {}), resource(SERVICE, "api", { ...service, name: undefined }),
            ...[cpu, memory].map((a, i) => resource(ALARM, `alarm-${i}`, { ...a, dimensions: { ClusterName: UNKNOWN, ServiceName: UNKNOWN } }, { propertyDependencies: { dimensions: [urnOf(CLUSTER, "cluster"), urnOf(SERVICE, "api")] } }))];
        expect(checkStack(policy, resources)).toEqual({ violations: [], urns: [] });
    });

    it("is unknown when a metric-math alarm's dimension is unknown and unplaced", () => {
        const query: aws.cloudwatch.MetricAlarmArgs = {
            comparisonOperator: "GreaterThanThreshold", threshold: 90, evaluationPeriods: 5, alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"],
            metricQueries: [{ id: "m", returnData: true, metric: { namespace: "AWS/ECS", metricName: "MemoryUtilization", stat: "Average", period: 60, dimensions: { ClusterName: "app", ServiceName: UNKNOWN } } }],
        };
        const verdict = checkStack(policy, stack(service, cpu, query));
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(SERVICE, "api")]);
    });

    it("reads the limits from the config", () => {
        expect(checkStack(policy, stack(service, cpu, memory), { maximumCpuPercent: 70 }).violations).toEqual([expect.stringContaining("alarms on CPUUtilization above 80%, later than the limit 70%")]);
        expect(checkStack(policy, stack(service, cpu, { ...memory, threshold: 95 }), { maximumMemoryPercent: 95 }).violations).toEqual([]);
    });
});
