import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lb/require-tls12-listener";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const LISTENER = "aws:lb/listener:Listener";

function listener(mutate?: (args: aws.lb.ListenerArgs) => void): aws.lb.ListenerArgs {
    const args: aws.lb.ListenerArgs = {
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1",
        port: 443,
        protocol: "HTTPS",
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1",
        defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1" }],
    };
    mutate?.(args);
    return args;
}

describe("aws-lb-require-tls12-listener", () => {
    it("passes an HTTPS listener with a TLS 1.2+ policy", () => {
        expect(checkResource(policy, { type: LISTENER, props: listener() }).violations).toEqual([]);
    });

    it("fires on a policy that accepts TLS 1.0, on the aws.alb alias too", () => {
        const { violations } = checkResource(policy, { type: "aws:alb/listener:Listener", name: "web", props: listener((l) => { l.sslPolicy = "ELBSecurityPolicy-2016-08"; }) });
        expect(violations).toEqual([expect.stringContaining("HTTPS listener 'web' uses sslPolicy 'ELBSecurityPolicy-2016-08', which accepts TLS 1.0")]);
    });

    it("fires on a TLS listener of a network load balancer with a TLS 1.1 policy", () => {
        const props = listener((l) => { l.protocol = "TLS"; l.sslPolicy = "ELBSecurityPolicy-TLS13-1-1-2021-06"; });
        expect(checkResource(policy, { type: LISTENER, props }).violations).toEqual([expect.stringContaining("accepts TLS 1.1")]);
    });

    it("fires on an unknown policy name and lists the accepted ones", () => {
        const { violations } = checkResource(policy, { type: LISTENER, props: listener((l) => { l.sslPolicy = "MyCustomPolicy"; }) });
        expect(violations[0]).toContain("not a known ELB security policy");
        expect(violations[0]).toContain("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09");
        expect(violations[0]).not.toContain("ELBSecurityPolicy-2016-08");
    });

    it("reports names inherited by every object as unknown names, not as TLS 1.2 policies", () => {
        for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
            const { violations } = checkResource(policy, { type: LISTENER, props: listener((l) => { l.sslPolicy = name; }) });
            expect(violations).toEqual([expect.stringContaining(`sslPolicy '${name}', which is not a known ELB security policy name`)]);
        }
    });

    it("fires when sslPolicy is omitted or empty, asking to set one explicitly", () => {
        expect(checkResource(policy, { type: LISTENER, props: listener((l) => { delete l.sslPolicy; }) }).violations).toEqual([expect.stringContaining("sets no sslPolicy")]);
        expect(checkResource(policy, { type: LISTENER, props: listener((l) => { l.sslPolicy = ""; }) }).violations).toEqual([expect.stringContaining("sets no sslPolicy")]);
    });

    it("fires on an sslPolicy that is not a string, without crashing", () => {
        const { violations } = checkResource(policy, { type: LISTENER, props: listener((l) => { l.sslPolicy = 12 as never; }) });
        expect(violations).toEqual([expect.stringContaining("not a policy name")]);
    });

    it("ignores HTTP, TCP and UDP listeners", () => {
        for (const protocol of ["HTTP", "TCP", "UDP"]) {
            expect(checkResource(policy, { type: LISTENER, props: listener((l) => { l.protocol = protocol; delete l.sslPolicy; }) }).violations).toEqual([]);
        }
    });

    it("reports an sslPolicy unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: LISTENER, props: listener((l) => { l.sslPolicy = UNKNOWN; }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the minimum TLS version from config", () => {
        expect(checkResource(policy, { type: LISTENER, props: listener(), config: { minimumTlsVersion: "1.3" } }).violations).toEqual([expect.stringContaining("accepts TLS 1.2")]);
        const legacy = listener((l) => { l.sslPolicy = "ELBSecurityPolicy-TLS13-1-1-2021-06"; });
        expect(checkResource(policy, { type: LISTENER, props: legacy, config: { minimumTlsVersion: "1.1" } }).violations).toEqual([]);
    });
});
