import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-alarms";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const CLUSTER = "aws:rds/cluster:Cluster";
const SERVICE = "aws:ecs/service:Service";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";
const alarm = (dimensions: Record<string, string>): aws.cloudwatch.MetricAlarmArgs => ({
    comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 5, metricName: "CPUUtilization", namespace: "AWS/RDS", period: 60, statistic: "Average", threshold: 80, alarmActions: [TOPIC], dimensions,
});
const watched = [
    { type: LB, name: "alb", props: { name: "app-alb" } },
    { type: CLUSTER, name: "db", props: { clusterIdentifier: "app-db" } },
    { type: SERVICE, name: "api", props: { name: "api" } },
];

describe("aws-cloudwatch-require-alarms", () => {
    it("passes when every load balancer, database and service has an alarm with actions", () => {
        const resources = [...watched,
            { type: ALARM, name: "alb-5xx", props: alarm({ LoadBalancer: "app/app-alb/50dc6c495c0c9188" }) },
            { type: ALARM, name: "db-cpu", props: alarm({ DBClusterIdentifier: "app-db" }) },
            { type: ALARM, name: "api-mem", props: { ...alarm({}), dimensions: undefined, metricQueries: [{ id: "m", metric: { metricName: "MemoryUtilization", namespace: "AWS/ECS", period: 60, stat: "Average", dimensions: { ClusterName: "app", ServiceName: "api" } }, returnData: true }] } }];
        expect(checkStack(policy, resources).violations).toEqual([]);
    });

    it("fires on a resource without an alarm, or whose alarm notifies no one", () => {
        const resources = [...watched,
            { type: ALARM, name: "alb-5xx", props: alarm({ LoadBalancer: "app/app-alb/50dc6c495c0c9188" }) },
            { type: ALARM, name: "db-cpu", props: { ...alarm({ DBClusterIdentifier: "app-db" }), alarmActions: [] } }];
        const verdict = checkStack(policy, resources);
        expect(verdict.violations).toEqual([expect.stringContaining("RDS cluster 'db' is watched by no CloudWatch alarm"), expect.stringContaining("ECS service 'api' is watched by no CloudWatch alarm")]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "db"), urnOf(SERVICE, "api")]);
    });

    it("joins through the dependency graph", () => {
        const resources = [watched[1], { type: ALARM, name: "db-cpu", props: alarm({ DBClusterIdentifier: "generated" }), dependencies: [urnOf(CLUSTER, "db")] }];
        expect(checkStack(policy, resources).violations).toEqual([]);
    });

    it("leaves a dimension unknown during preview to the SDK", () => {
        expect(checkStack(policy, [watched[1], { type: ALARM, name: "db-cpu", props: alarm({ DBClusterIdentifier: UNKNOWN }) }]).unknown).toBeDefined();
    });

    it("judges each resource on its own: an alarm linked through the graph watches its resource although the dimension is unknown", () => {
        const verdict = checkStack(policy, [...watched,
            { type: ALARM, name: "alb-5xx", props: alarm({ LoadBalancer: UNKNOWN }), propertyDependencies: { dimensions: [urnOf(LB, "alb")] } },
            { type: ALARM, name: "db-cpu", props: { ...alarm({ DBClusterIdentifier: UNKNOWN }), alarmActions: UNKNOWN }, propertyDependencies: { dimensions: [urnOf(CLUSTER, "db")] } }]);
        expect(verdict.urns).toEqual([urnOf(SERVICE, "api")]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER, "db")]);
    });
    it("treats empty alarmActions as none", () => {
        const verdict = checkStack(policy, [watched[1], { type: ALARM, name: "db-cpu", props: { ...alarm({ DBClusterIdentifier: "app-db" }), alarmActions: [] } }]);
        expect(verdict.violations).toEqual([expect.stringContaining("RDS cluster 'db' is watched by no CloudWatch alarm with alarmActions (alarm 'db-cpu' sets no alarmActions)")]);
    });
});
