import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elb/require-health-check";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:elb/loadBalancer:LoadBalancer";
const elb: aws.elb.LoadBalancerArgs = {
    subnets: ["subnet-a", "subnet-b"],
    listeners: [{ lbPort: 443, lbProtocol: "https", instancePort: 8443, instanceProtocol: "https", sslCertificateId: "arn:aws:acm:us-east-1:123456789012:certificate/abc" }],
    healthCheck: { target: "HTTPS:8443/health", interval: 30, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
};
const withCheck = (healthCheck: unknown) => ({ ...elb, healthCheck });

describe("aws-elb-require-health-check", () => {
    it("passes a health check with an HTTP(S), TCP or SSL target", () => {
        expect(checkResource(policy, { type: T, props: elb }).violations).toEqual([]);
        for (const target of ["HTTP:80/health", "http:8080/", "TCP:5000", "SSL:443"]) {
            expect(checkResource(policy, { type: T, props: withCheck({ ...elb.healthCheck as object, target }) }).violations).toEqual([]);
        }
    });
    it("fires when healthCheck is omitted, on the former token too", () => {
        const { healthCheck: _, ...rest } = elb;
        for (const type of [T, "aws:elasticloadbalancing/loadBalancer:LoadBalancer"]) {
            expect(checkResource(policy, { type, name: "legacy", props: rest }).violations)
                .toEqual([expect.stringContaining("Classic Load Balancer 'legacy' declares no healthCheck")]);
        }
    });
    it("fires on a health check without a target, or with a malformed one", () => {
        expect(checkResource(policy, { type: T, props: withCheck({ interval: 30, target: "" }) }).violations).toEqual([expect.stringContaining("without a target")]);
        expect(checkResource(policy, { type: T, props: withCheck({ target: "HTTP:80" }) }).violations).toEqual([expect.stringContaining("sets healthCheck.target to \"HTTP:80\", which is not PROTOCOL:PORT[/PATH]")]);
        expect(checkResource(policy, { type: T, props: withCheck({ target: "UDP:53" }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: withCheck({ target: 80 }) }).violations).toEqual([expect.stringContaining("a number")]);
        expect(checkResource(policy, { type: T, props: withCheck("HTTP:80/") }).violations).toEqual([expect.stringContaining("sets healthCheck to a string")]);
    });
    it("reports a target unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: withCheck({ target: UNKNOWN }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
    it("is exempted by config", () => {
        const { healthCheck: _, ...rest } = elb;
        expect(checkResource(policy, { type: T, name: "legacy", props: rest, config: { exemptions: [{ resource: "legacy", reason: "retired next quarter" }] } }).notApplicable).toBeDefined();
    });
});
