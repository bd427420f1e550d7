import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-load-balancer-alarms";
import { checkStack, UNKNOWN } from "../../../harness/policy";
import { alarm, ALARM, resource, TOPIC, urnOf } from "./alarm-fixtures";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const NS = "AWS/ApplicationELB";
const balancer: aws.lb.LoadBalancerArgs = { name: "app-alb", loadBalancerType: "application", internal: false, subnets: ["subnet-a", "subnet-b"] };
const dims = { LoadBalancer: "app/app-alb/50dc6c495c0c9188" };
const errors = alarm(NS, "HTTPCode_Target_5XX_Count", 50, dims, { statistic: "Sum" });
const latency = alarm(NS, "TargetResponseTime", 3, dims, { statistic: undefined, extendedStatistic: "p95" });
const stack = (lb: aws.lb.LoadBalancerArgs, ...alarms: aws.cloudwatch.MetricAlarmArgs[]) =>
    [resource(LB, "alb", lb), ...alarms.map((a, i) => resource(ALARM, `alarm-${i}`, a))];

describe("aws-cloudwatch-require-load-balancer-alarms", () => {
    it("passes an internet-facing ALB with a 5XX alarm and a p95 latency alarm at 3 s, both notifying", () => {
        expect(checkStack(policy, stack(balancer, errors, latency))).toEqual({ violations: [], urns: [] });
    });

    it("accepts the ELB's own 5XX count, a p99 latency alarm, >= at the limit, and a lower latency threshold", () => {
        const verdict = checkStack(policy, stack(balancer,
            { ...errors, metricName: "HTTPCode_ELB_5XX_Count" },
            { ...latency, extendedStatistic: "p99", comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: 1.5 }));
        expect(verdict.violations).toEqual([]);
    });

    it("counts metric-math alarms: an error-rate expression over 5XX and RequestCount, and a returned p95 query", () => {
        const rate: aws.cloudwatch.MetricAlarmArgs = {
            comparisonOperator: "GreaterThanThreshold", threshold: 5, evaluationPeriods: 5, alarmActions: [TOPIC],
            metricQueries: [
                { id: "errors", metric: { namespace: NS, metricName: "HTTPCode_Target_5XX_Count", stat: "Sum", period: 60, dimensions: dims } },
                { id: "requests", metric: { namespace: NS, metricName: "RequestCount", stat: "Sum", period: 60, dimensions: dims } },
                { id: "rate", expression: "100 * errors / requests", returnData: true },
            ],
        };
        const p95: aws.cloudwatch.MetricAlarmArgs = {
            comparisonOperator: "GreaterThanThreshold", threshold: 2, evaluationPeriods: 5, alarmActions: [TOPIC],
            metricQueries: [{ id: "p95", returnData: true, metric: { namespace: NS, metricName: "TargetResponseTime", stat: "p95", period: 60, dimensions: dims } }],
        };
        expect(checkStack(policy, stack(balancer, rate, p95))).toEqual({ violations: [], urns: [] });
        const lax = { ...p95, threshold: 10 };
        expect(checkStack(policy, stack(balancer, rate, lax)).violations).toEqual([expect.stringContaining("alarm 'alarm-1' alarms on TargetResponseTime above 10 s, later than the limit 3 s")]);
    });

    it("fires on an ALB without alarms, naming both alarms to add", () => {
        const verdict = checkStack(policy, stack(balancer));
        expect(verdict.violations).toEqual([
            expect.stringMatching(/^load balancer 'alb' has no CloudWatch alarm with alarmActions on 5XX errors: add .*metricName HTTPCode_Target_5XX_Count, statistic Sum/),
            expect.stringMatching(/on latency \(TargetResponseTime at p95 above 3 s\): add .*extendedStatistic p95, comparisonOperator GreaterThanThreshold, threshold 3 \(seconds\) or less/),
        ]);
        expect(verdict.urns).toEqual([urnOf(LB, "alb"), urnOf(LB, "alb")]);
    });

    it("fires on a latency alarm that is too lax, reads the average, or alarms in the wrong direction", () => {
        const cases: [aws.cloudwatch.MetricAlarmArgs, string][] = [
            [{ ...latency, threshold: 30 }, "alarms on TargetResponseTime above 30 s, later than the limit 3 s"],
            [{ ...latency, extendedStatistic: undefined, statistic: "Average" }, "reads TargetResponseTime with statistic Average, not extendedStatistic p95 or a higher percentile"],
            [{ ...latency, extendedStatistic: "p50" }, "with statistic p50"],
            [{ ...latency, comparisonOperator: "LessThanThreshold" }, "compares TargetResponseTime with LessThanThreshold, not GreaterThanThreshold"],
            [{ ...latency, threshold: 3, comparisonOperator: "GreaterThanOrEqualToThreshold", alarmActions: [] }, "alarm 'alarm-1' sets no alarmActions"],
        ];
        for (const [bad, reason] of cases) {
            expect(checkStack(policy, stack(balancer, errors, bad)).violations).toEqual([expect.stringContaining(reason)]);
        }
    });

    it("fires on a 5XX alarm that notifies no one, and treats omitted loadBalancerType and internal as an internet-facing ALB", () => {
        const omitted: aws.lb.LoadBalancerArgs = { name: "app-alb", subnets: ["subnet-a"] };
        expect(checkStack(policy, stack(omitted, { ...errors, alarmActions: undefined }, latency)).violations)
            .toEqual([expect.stringContaining("on 5XX errors (alarm 'alarm-0' sets no alarmActions)")]);
    });

    it("does not judge internal ALBs or Network Load Balancers", () => {
        expect(checkStack(policy, stack({ ...balancer, internal: true }))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack({ ...balancer, loadBalancerType: "network" }))).toEqual({ violations: [], urns: [] });
    });

    it("links alarms through the dependency graph when the load balancer's name is generated", () => {
        const resources = [resource(LB, "alb", { ...balancer, name: undefined }),
            resource(ALARM, "errors", { ...errors, dimensions: { LoadBalancer: UNKNOWN } }, { propertyDependencies: { dimensions: [urnOf(LB, "alb")] } }),
            resource(ALARM, "latency", { ...latency, dimensions: { LoadBalancer: "app/generated/1" } }, { dependencies: [urnOf(LB, "alb")] })];
        expect(checkStack(policy, resources)).toEqual({ violations: [], urns: [] });
    });

    it("leaves the ALB unknown when an alarm's dimension is unknown and the graph does not place it, still reporting what is known", () => {
        const verdict = checkStack(policy, [...stack(balancer, errors), resource(ALARM, "latency", { ...latency, dimensions: { LoadBalancer: UNKNOWN } })]);
        expect(verdict.unknownUrns).toEqual([urnOf(LB, "alb")]);
        expect(checkStack(policy, stack({ ...balancer, internal: UNKNOWN as never }, errors, latency)).unknownUrns).toEqual([urnOf(LB, "alb")]);
    });

    it("reads a wider latency limit and a higher percentile from the config", () => {
        const slow = { ...latency, threshold: 5 };
        expect(checkStack(policy, stack(balancer, errors, slow)).violations).toHaveLength(1);
        expect(checkStack(policy, stack(balancer, errors, slow), { maximumLatencySeconds: 5 }).violations).toEqual([]);
        expect(checkStack(policy, stack(balancer, errors, latency), { latencyPercentile: 99 }).violations).toEqual([expect.stringContaining("not extendedStatistic p99 or a higher percentile")]);
    });

    it("reports a missing 5XX alarm while the latency alarm's threshold is unknown during preview", () => {
        const verdict = checkStack(policy, stack(balancer, { ...latency, threshold: UNKNOWN as never }));
        expect(verdict.violations).toEqual([expect.stringContaining("has no CloudWatch alarm with alarmActions on 5XX errors")]);
        expect(verdict.unknownUrns).toBeUndefined();
        expect(checkStack(policy, stack(balancer, errors, { ...latency, threshold: UNKNOWN as never })).unknownUrns).toEqual([urnOf(LB, "alb")]);
    });
});
