import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/route53/require-health-checks";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";
import { alb, aliasRecord, ALARM, CANARY, distribution, DISTRIBUTION, healthAlarm, healthCheck, LOAD_BALANCER, REST_API, restApi } from "./fixtures";

const apex = aliasRecord("apex", "shop.example.com", urnOf(LOAD_BALANCER, "alb"));
const canary = (args: Partial<aws.synthetics.CanaryArgs> = {}): StackResource => ({
    type: CANARY, name: "www-canary",
    props: {
        name: "www-canary", artifactS3Location: "s3://canary-artifacts/", executionRoleArn: "arn:aws:iam::123456789012:role/canary", handler: "index.handler",
        runtimeVersion: "syn-nodejs-puppeteer-9.1", zipFile: "canary.zip", startCanary: true, schedule: { expression: "rate(5 minutes)" },
        runConfig: { environmentVariables: { URL: "https://www.shop.example.com/health" } }, ...args,
    } satisfies aws.synthetics.CanaryArgs,
});
const canaryAlarm: StackResource = {
    type: ALARM, name: "www-canary-failing",
    props: { namespace: "CloudWatchSynthetics", metricName: "SuccessPercent", statistic: "Average", comparisonOperator: "LessThanThreshold", threshold: 90, period: 300, evaluationPeriods: 1, dimensions: { CanaryName: "www-canary" }, alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"] } satisfies aws.cloudwatch.MetricAlarmArgs,
};

describe("aws-route53-require-health-checks", () => {
    it("passes a load balancer probed by an alarmed health check on its domain, and a distribution probed by an alarmed canary", () => {
        const stack = [alb(), apex, healthCheck("apex-health", "shop.example.com"), healthAlarm("apex-down", "apex-health"), distribution, canary(), canaryAlarm];
        expect(checkStack(policy, stack)).toEqual({ violations: [], urns: [] });
    });
    it("links a health check whose fqdn is built from the endpoint through the graph", () => {
        const onDnsName: StackResource = { ...healthCheck("alb-health", UNKNOWN), propertyDependencies: { fqdn: [urnOf(LOAD_BALANCER, "alb")] } };
        expect(checkStack(policy, [alb(), onDnsName, healthAlarm("alb-down", "alb-health")]).violations).toEqual([]);
    });
    it("fires on a public endpoint nothing probes (the probe omitted)", () => {
        const verdict = checkStack(policy, [alb(), apex]);
        expect(verdict.violations).toEqual([expect.stringContaining("load balancer 'alb' is public but nothing probes it from outside")]);
        expect(verdict.urns).toEqual([urnOf(LOAD_BALANCER, "alb")]);
        expect(checkStack(policy, [restApi()]).violations).toEqual([expect.stringContaining("API Gateway REST API 'api'")]);
    });
    it("fires when no alarm watches the probe", () => {
        expect(checkStack(policy, [alb(), apex, healthCheck("apex-health", "shop.example.com")]).violations).toEqual([expect.stringContaining("no CloudWatch alarm watches health check 'apex-health'")]);
        expect(checkStack(policy, [distribution, canary()]).violations).toEqual([expect.stringContaining("no CloudWatch alarm watches canary 'www-canary'")]);
    });
    it("fires on a health check that probes nothing, a canary never started or run too rarely", () => {
        const calculated = healthCheck("apex-health", "shop.example.com", { type: "CALCULATED" });
        expect(checkStack(policy, [alb(), apex, calculated, healthAlarm("apex-down", "apex-health")]).violations).toEqual([expect.stringContaining("has type 'CALCULATED', which probes nothing")]);
        const { startCanary: _omitted, ...idle } = canary().props as aws.synthetics.CanaryArgs;
        expect(checkStack(policy, [distribution, { ...canary(), props: idle }, canaryAlarm]).violations).toEqual([expect.stringContaining("is never started")]);
        expect(checkStack(policy, [distribution, canary({ schedule: { expression: "rate(1 hour)" } }), canaryAlarm]).violations).toEqual([expect.stringContaining("not at least every 5 minute(s)")]);
        expect(checkStack(policy, [distribution, canary({ schedule: { expression: "rate(0 minute)" } }), canaryAlarm]).violations).toEqual([expect.stringContaining("not at least every")]);
    });
    it("follows the configured interval", () => {
        const hourly = [distribution, canary({ schedule: { expression: "rate(1 hour)" } }), canaryAlarm];
        expect(checkStack(policy, hourly, { maximumIntervalMinutes: 60 }).violations).toEqual([]);
        expect(checkStack(policy, [distribution, canary(), canaryAlarm], { maximumIntervalMinutes: 1 }).violations).toEqual([expect.stringContaining("not at least every 1 minute(s)")]);
    });
    it("is unknown for the endpoints a probe with an unknown target could check, and still judges the others", () => {
        const unplaced: StackResource = { ...healthCheck("somewhere", UNKNOWN), propertyDependencies: { fqdn: [] } };
        const verdict = checkStack(policy, [alb(), apex, unplaced]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(LOAD_BALANCER, "alb")]);
        const pendingType = healthCheck("apex-health", "shop.example.com", { type: UNKNOWN });
        const mixed = checkStack(policy, [alb(), apex, pendingType, healthAlarm("apex-down", "apex-health"), restApi()]);
        expect(mixed.unknownUrns).toEqual([urnOf(LOAD_BALANCER, "alb")]);
        expect(mixed.urns).toEqual([urnOf(REST_API, "api")]);
    });
    it("leaves a stack without public endpoints alone", () => {
        expect(checkStack(policy, [alb({ internal: true }), healthCheck("x", "internal.example.com")]).violations).toEqual([]);
        expect(checkStack(policy, [{ type: DISTRIBUTION, name: "x", props: {} }, canary(), canaryAlarm]).violations).toEqual([expect.stringContaining("CloudFront distribution 'x' is public but nothing probes it")]);
    });

    it("places a canary by a known variable naming the endpoint, whatever its other variables unknown during preview", () => {
        const placed = canary({ runConfig: { environmentVariables: { TOKEN_ARN: UNKNOWN, URL: "https://www.shop.example.com/health" } } });
        const unplaced = canary({ runConfig: { environmentVariables: { TOKEN_ARN: UNKNOWN } } });
        const stack = [alb(), apex, aliasRecord("www", "www.shop.example.com", urnOf(LOAD_BALANCER, "alb")), canaryAlarm];
        expect(checkStack(policy, [...stack, placed])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [...stack, unplaced]).unknownUrns).toEqual([urnOf(LOAD_BALANCER, "alb")]);
    });
});
