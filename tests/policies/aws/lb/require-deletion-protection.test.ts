import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lb/require-deletion-protection";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const lb = (mutate?: (a: aws.lb.LoadBalancerArgs) => void): aws.lb.LoadBalancerArgs => {
    const args: aws.lb.LoadBalancerArgs = { loadBalancerType: "network", subnets: ["subnet-1"], enableDeletionProtection: true };
    mutate?.(args);
    return args;
};

describe("aws-lb-require-deletion-protection", () => {
    it("passes a protected load balancer", () => {
        expect(checkResource(policy, { type: LB, props: lb() }).violations).toEqual([]);
    });
    it("fires when protection is off, on the aws.alb alias too", () => {
        expect(checkResource(policy, { type: "aws:alb/loadBalancer:LoadBalancer", name: "web", props: lb((a) => { a.enableDeletionProtection = false; }) }).violations)
            .toEqual([expect.stringContaining("Load balancer 'web' sets enableDeletionProtection to false")]);
    });
    it("fires when omitted", () => {
        expect(checkResource(policy, { type: LB, props: lb((a) => { delete a.enableDeletionProtection; }) }).violations).toEqual([expect.stringContaining("unset (default false)")]);
    });
    it("treats an empty value as omitted", () => {
        expect(checkResource(policy, { type: LB, props: lb((a) => { a.enableDeletionProtection = "" as never; }) }).violations).toEqual([expect.stringContaining("leaves enableDeletionProtection unset")]);
    });
    it("fires on a value that is not a boolean", () => {
        expect(checkResource(policy, { type: LB, props: { ...lb(), enableDeletionProtection: "yes" } }).violations).toEqual([expect.stringContaining("a string")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: LB, props: lb((a) => { a.enableDeletionProtection = UNKNOWN as never; }) });
        expect(verdict.unknown).toBeDefined();
    });
});
