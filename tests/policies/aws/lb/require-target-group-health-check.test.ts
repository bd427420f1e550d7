import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lb/require-target-group-health-check";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:lb/targetGroup:TargetGroup";
const group: aws.lb.TargetGroupArgs = {
    vpcId: "vpc-1", port: 8443, protocol: "HTTPS", targetType: "ip",
    healthCheck: { path: "/health", protocol: "HTTPS", matcher: "200", interval: 15, healthyThreshold: 2, unhealthyThreshold: 3 },
};
const lambdaGroup: aws.lb.TargetGroupArgs = { targetType: "lambda", healthCheck: { enabled: true, path: "/health", interval: 60, timeout: 30 } };

describe("aws-lb-require-target-group-health-check", () => {
    it("passes a target group with a health check", () => expect(checkResource(policy, { type: T, props: group }).violations).toEqual([]));
    it("passes an omitted healthCheck or enabled on instance and IP targets: they are always checked", () => {
        const { healthCheck: _, ...rest } = group;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...group, targetType: "instance", healthCheck: { path: "/health" } } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...group, healthCheck: { enabled: true, path: "/health" } } }).violations).toEqual([]);
    });
    it("fires when health checks are turned off, on every target group token", () => {
        for (const type of ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup", "aws:elasticloadbalancingv2/targetGroup:TargetGroup", "aws:applicationloadbalancing/targetGroup:TargetGroup"]) {
            expect(checkResource(policy, { type, name: "api", props: { ...group, healthCheck: { enabled: false } } }).violations)
                .toEqual([expect.stringContaining("Target group 'api' sets healthCheck.enabled to false")]);
        }
        expect(checkResource(policy, { type: T, props: { ...group, healthCheck: { enabled: "false" } } }).violations).toHaveLength(1);
    });
    it("fires on a malformed healthCheck or enabled, without crashing", () => {
        expect(checkResource(policy, { type: T, props: { ...group, healthCheck: "on" } }).violations).toEqual([expect.stringContaining("sets healthCheck to a string")]);
        expect(checkResource(policy, { type: T, props: { ...group, healthCheck: { enabled: 0 } } }).violations).toEqual([expect.stringContaining("a number, not a boolean")]);
    });
    it("skips Lambda target groups by default, whose health checks are off by default", () => {
        expect(checkResource(policy, { type: T, props: { targetType: "lambda" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...lambdaGroup, healthCheck: { enabled: false } } }).violations).toEqual([]);
    });
    it("judges Lambda target groups when requireLambdaHealthChecks is set: omitted means off", () => {
        const config = { requireLambdaHealthChecks: true };
        expect(checkResource(policy, { type: T, props: lambdaGroup, config }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, name: "fn", props: { targetType: "lambda" }, config }).violations)
            .toEqual([expect.stringContaining("Lambda target group 'fn' declares no healthCheck")]);
        expect(checkResource(policy, { type: T, props: { targetType: "lambda", healthCheck: { path: "/health" } }, config }).violations)
            .toEqual([expect.stringContaining("omits healthCheck.enabled")]);
        expect(checkResource(policy, { type: T, props: { ...lambdaGroup, healthCheck: { enabled: false } }, config }).violations).toHaveLength(1);
    });
    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: { ...group, healthCheck: { enabled: UNKNOWN as never, path: "/health" } } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "batch", props: { ...group, healthCheck: { enabled: false } }, config: { exemptions: [{ resource: "batch", reason: "drained before removal" }] } }).notApplicable).toBeDefined();
    });
});
