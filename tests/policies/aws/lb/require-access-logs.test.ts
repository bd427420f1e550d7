import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lb/require-access-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const alb = (mutate?: (a: aws.lb.LoadBalancerArgs & { accessLogs?: aws.types.input.lb.LoadBalancerAccessLogs }) => void): aws.lb.LoadBalancerArgs => {
    const args = { loadBalancerType: "application", subnets: ["subnet-1"], accessLogs: { bucket: "app-alb-logs", prefix: "alb", enabled: true } as aws.types.input.lb.LoadBalancerAccessLogs | undefined };
    mutate?.(args);
    return args;
};

describe("aws-lb-require-access-logs", () => {
    it("passes enabled access logs to a bucket", () => {
        expect(checkResource(policy, { type: LB, props: alb() }).violations).toEqual([]);
    });
    it("fires when access logs are omitted, on the aws.alb alias too", () => {
        expect(checkResource(policy, { type: "aws:alb/loadBalancer:LoadBalancer", name: "web", props: alb((a) => { delete a.accessLogs; }) }).violations)
            .toEqual([expect.stringContaining("Load balancer 'web' has no accessLogs")]);
    });
    it("fires when a bucket is set but enabled is not (it defaults to false)", () => {
        expect(checkResource(policy, { type: LB, props: alb((a) => { a.accessLogs = { bucket: "logs" }; }) }).violations).toEqual([expect.stringContaining("defaults to false")]);
        expect(checkResource(policy, { type: LB, props: alb((a) => { a.accessLogs = { bucket: "logs", enabled: false }; }) }).violations).toHaveLength(1);
    });
    it("passes a bucket unknown during preview, and fires on a missing bucket or a malformed accessLogs, without crashing", () => {
        expect(checkResource(policy, { type: LB, props: alb((a) => { a.accessLogs = { bucket: UNKNOWN, enabled: true }; }) })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: LB, props: { ...alb(), accessLogs: { enabled: true } } }).violations).toEqual([expect.stringContaining("without a bucket")]);
        expect(checkResource(policy, { type: LB, props: { ...alb(), accessLogs: "logs" } }).violations).toEqual([expect.stringContaining("a string")]);
    });
    it("covers network load balancers and skips gateway load balancers", () => {
        expect(checkResource(policy, { type: LB, props: alb((a) => { a.loadBalancerType = "network"; delete a.accessLogs; }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: LB, props: alb((a) => { a.loadBalancerType = "gateway"; delete a.accessLogs; }) }).violations).toEqual([]);
    });
    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: LB, props: alb((a) => { a.accessLogs = { bucket: "logs", enabled: UNKNOWN as never }; }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
