import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-target-group-alarms";
import { checkStack, UNKNOWN } from "../../../harness/policy";
import { alarm, ALARM, resource, urnOf } from "./alarm-fixtures";

const TG = "aws:lb/targetGroup:TargetGroup";
const NS = "AWS/ApplicationELB";
const group: aws.lb.TargetGroupArgs = { name: "app-tg", port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "vpc-1", healthCheck: { path: "/health" } };
const dims = { LoadBalancer: "app/app-alb/50dc6c495c0c9188", TargetGroup: "targetgroup/app-tg/73e2d6bc24d8a067" };
const unhealthy = alarm(NS, "UnHealthyHostCount", 0, dims, { statistic: "Maximum" });
const stack = (tg: aws.lb.TargetGroupArgs, ...alarms: aws.cloudwatch.MetricAlarmArgs[]) =>
    [resource(TG, "tg", tg), ...alarms.map((a, i) => resource(ALARM, `alarm-${i}`, a))];

describe("aws-cloudwatch-require-target-group-alarms", () => {
    it("passes a target group with an UnHealthyHostCount > 0 alarm that notifies", () => {
        expect(checkStack(policy, stack(group, unhealthy))).toEqual({ violations: [], urns: [] });
    });

    it("accepts UnHealthyHostCount >= 1 and HealthyHostCount < 1 or <= 0, which alarm on the same whole counts", () => {
        expect(checkStack(policy, stack(group, { ...unhealthy, comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: 1 }))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack(group, { ...unhealthy, metricName: "HealthyHostCount", comparisonOperator: "LessThanThreshold", threshold: 1 }))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack(group, { ...unhealthy, metricName: "HealthyHostCount", comparisonOperator: "LessThanOrEqualToThreshold", threshold: 0 }))).toEqual({ violations: [], urns: [] });
    });

    it("fires without an alarm, naming the alarm to add", () => {
        const verdict = checkStack(policy, stack(group));
        expect(verdict.violations).toEqual([expect.stringMatching(/^target group 'tg' has no CloudWatch alarm with alarmActions on failed health checks: add .*metricName UnHealthyHostCount, statistic Maximum, comparisonOperator GreaterThanThreshold, threshold 0, dimensions \{ TargetGroup: \.\.\., LoadBalancer: \.\.\. \}/)]);
        expect(verdict.urns).toEqual([urnOf(TG, "tg")]);
    });

    it("fires on an alarm that waits for two unhealthy hosts, lacks the LoadBalancer dimension, or notifies no one", () => {
        const cases: [aws.cloudwatch.MetricAlarmArgs, string][] = [
            [{ ...unhealthy, threshold: 1 }, "alarms on UnHealthyHostCount above 1 host(s), later than the limit 0 host(s)"],
            [{ ...unhealthy, threshold: 2, comparisonOperator: "GreaterThanOrEqualToThreshold" }, "alarms on UnHealthyHostCount at or above 2 host(s), later than the limit 0 host(s)"],
            [{ ...unhealthy, dimensions: { TargetGroup: dims.TargetGroup } }, "names no LoadBalancer dimension, without which CloudWatch publishes no UnHealthyHostCount"],
            [{ ...unhealthy, alarmActions: [] }, "sets no alarmActions"],
            [{ ...unhealthy, metricName: "HealthyHostCount", comparisonOperator: "GreaterThanThreshold" }, "compares HealthyHostCount with GreaterThanThreshold, not LessThanThreshold"],
        ];
        for (const [bad, reason] of cases) {
            expect(checkStack(policy, stack(group, bad)).violations).toEqual([expect.stringContaining(reason)]);
        }
    });

    it("judges a target group with targetType omitted (instance) and skips Lambda targets", () => {
        expect(checkStack(policy, stack({ ...group, targetType: undefined })).violations).toHaveLength(1);
        expect(checkStack(policy, stack({ name: "fn-tg", targetType: "lambda" }))).toEqual({ violations: [], urns: [] });
    });

    it("links through the graph, and is unknown when an unplaced alarm's dimension is unknown", () => {
        const linked = [resource(TG, "tg", group), resource(ALARM, "unhealthy", { ...unhealthy, dimensions: { LoadBalancer: UNKNOWN, TargetGroup: UNKNOWN } }, { propertyDependencies: { dimensions: [urnOf(TG, "tg")] } })];
        // The LoadBalancer dimension is there, its value (an ARN suffix) known only once deployed.
        expect(checkStack(policy, linked)).toEqual({ violations: [], urns: [] });
        const unplaced = [resource(TG, "tg", group), resource(ALARM, "unhealthy", { ...unhealthy, dimensions: { LoadBalancer: "app/x/1", TargetGroup: UNKNOWN } })];
        expect(checkStack(policy, unplaced).unknownUrns).toEqual([urnOf(TG, "tg")]);
    });

    it("reads the minimum of healthy hosts from the config", () => {
        const belowOne = { ...unhealthy, metricName: "HealthyHostCount", comparisonOperator: "LessThanThreshold", threshold: 1 };
        expect(checkStack(policy, stack(group, belowOne), { minimumHealthyHosts: 2 }).violations).toEqual([expect.stringContaining("alarms on HealthyHostCount below 1 host(s), later than the limit 2 host(s)")]);
    });
});
