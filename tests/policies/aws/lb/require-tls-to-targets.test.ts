import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lb/require-tls-to-targets";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:lb/targetGroup:TargetGroup";
const group: aws.lb.TargetGroupArgs = { vpcId: "vpc-1", port: 8443, protocol: "HTTPS", targetType: "ip", healthCheck: { path: "/health", protocol: "HTTPS" } };

describe("aws-lb-require-tls-to-targets", () => {
    it("passes HTTPS to the targets", () => expect(checkResource(policy, { type: T, props: group }).violations).toEqual([]));
    it("fires on HTTP to IP targets, and to instance targets (the default type), on every token", () => {
        for (const type of [T, "aws:alb/targetGroup:TargetGroup", "aws:elasticloadbalancingv2/targetGroup:TargetGroup", "aws:applicationloadbalancing/targetGroup:TargetGroup"]) {
            expect(checkResource(policy, { type, name: "api", props: { ...group, protocol: "HTTP" } }).violations)
                .toEqual([expect.stringContaining("Target group 'api' forwards to its ip targets over plain HTTP")]);
        }
        const { targetType: _, ...instance } = group;
        expect(checkResource(policy, { type: T, props: { ...instance, protocol: "http" } }).violations).toEqual([expect.stringContaining("its instance targets")]);
    });
    it("skips Lambda and ALB targets, TCP and TLS target groups, and an omitted protocol", () => {
        expect(checkResource(policy, { type: T, props: { targetType: "lambda" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...group, targetType: "alb", protocol: "TCP" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...group, protocol: "TCP" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...group, protocol: "TLS" } }).violations).toEqual([]);
        const { protocol: _, ...rest } = group;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([]);
    });
    it("fires on a malformed protocol, without crashing", () => {
        expect(checkResource(policy, { type: T, props: { ...group, protocol: 443 } }).violations).toEqual([expect.stringContaining("sets protocol to a number")]);
    });
    it("reports a protocol unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: { ...group, protocol: UNKNOWN } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "internal-api", props: { ...group, protocol: "HTTP" }, config: { exemptions: [{ resource: "internal-*", reason: "TLS ends at the load balancer inside the VPC" }] } }).notApplicable).toBeDefined();
    });
});
