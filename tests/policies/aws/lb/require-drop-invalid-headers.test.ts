import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lb/require-drop-invalid-headers";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const alb = (mutate?: (a: aws.lb.LoadBalancerArgs) => void): aws.lb.LoadBalancerArgs => {
    const args: aws.lb.LoadBalancerArgs = { loadBalancerType: "application", internal: false, subnets: ["subnet-1", "subnet-2"], dropInvalidHeaderFields: true };
    mutate?.(args);
    return args;
};

describe("aws-lb-require-drop-invalid-headers", () => {
    it("passes an ALB that drops invalid headers", () => {
        expect(checkResource(policy, { type: LB, props: alb() }).violations).toEqual([]);
    });
    it("fires when set to false, on the aws.alb alias too", () => {
        expect(checkResource(policy, { type: "aws:alb/loadBalancer:LoadBalancer", name: "web", props: alb((a) => { a.dropInvalidHeaderFields = false; }) }).violations)
            .toEqual([expect.stringContaining("Application load balancer 'web' sets dropInvalidHeaderFields to false")]);
    });
    it("fires when omitted, also with loadBalancerType omitted (application by default)", () => {
        expect(checkResource(policy, { type: LB, props: alb((a) => { delete a.dropInvalidHeaderFields; delete a.loadBalancerType; }) }).violations)
            .toEqual([expect.stringContaining("unset (default false)")]);
    });
    it("fires on a value that is not a boolean", () => {
        expect(checkResource(policy, { type: LB, props: { ...alb(), dropInvalidHeaderFields: 1 } }).violations).toEqual([expect.stringContaining("a number")]);
    });
    it("ignores network load balancers", () => {
        expect(checkResource(policy, { type: LB, props: alb((a) => { a.loadBalancerType = "network"; delete a.dropInvalidHeaderFields; }) }).violations).toEqual([]);
    });
    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: LB, props: alb((a) => { a.dropInvalidHeaderFields = UNKNOWN as never; }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
