import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/autoscaling/require-elb-health-check";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:autoscaling/group:Group";
const group: aws.autoscaling.GroupArgs = { minSize: 2, maxSize: 4, targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/abc"], healthCheckType: "ELB" };

describe("aws-autoscaling-require-elb-health-check", () => {
    it("passes ELB checks, and groups behind no load balancer", () => {
        expect(checkResource(policy, { type: T, props: group }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { minSize: 1, maxSize: 2 } }).violations).toEqual([]);
    });
    it("fires on EC2 checks behind a target group", () => expect(checkResource(policy, { type: T, name: "g", props: { ...group, healthCheckType: "EC2" } }).violations)
        .toEqual([expect.stringContaining("Auto Scaling group 'g' is behind a load balancer but checks only EC2 status")]));
    it("fires when omitted (EC2)", () => expect(checkResource(policy, { type: T, props: { ...group, healthCheckType: undefined } }).violations).toEqual([expect.stringContaining("omits healthCheckType")]));
    it("treats an empty healthCheckType as omitted, and empty target group ARNs as no load balancer", () => {
        expect(checkResource(policy, { type: T, props: { ...group, healthCheckType: "" } }).violations).toEqual([expect.stringContaining("omits healthCheckType")]);
        expect(checkResource(policy, { type: T, props: { ...group, targetGroupArns: [""], healthCheckType: "EC2" } }).violations).toEqual([]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...group, healthCheckType: UNKNOWN } }).unknown).toBeDefined());

    it("reads target group ARNs unknown during preview as set, and reads neither side once the other decides", () => {
        expect(checkResource(policy, { type: T, name: "web", props: { ...group, targetGroupArns: [UNKNOWN], healthCheckType: "EC2" } }).violations)
            .toEqual([expect.stringContaining("Auto Scaling group 'web' is behind a load balancer but checks only EC2 status")]);
        expect(checkResource(policy, { type: T, props: { ...group, targetGroupArns: UNKNOWN as never } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: { minSize: 2, maxSize: 4, healthCheckType: UNKNOWN } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: { ...group, healthCheckType: UNKNOWN } }).unknown).toBeDefined();
    });
});
