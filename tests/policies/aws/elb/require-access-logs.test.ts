import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elb/require-access-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:elb/loadBalancer:LoadBalancer";
const elb: aws.elb.LoadBalancerArgs = {
    subnets: ["subnet-a"],
    listeners: [{ lbPort: 443, lbProtocol: "https", instancePort: 8443, instanceProtocol: "https", sslCertificateId: "arn:aws:acm:us-east-1:123456789012:certificate/abc" }],
    accessLogs: { bucket: "legacy-elb-logs", bucketPrefix: "elb", interval: 5 },
};
const withLogs = (accessLogs: unknown) => ({ ...elb, accessLogs });

describe("aws-elb-require-access-logs", () => {
    it("passes access logs to a bucket, enabled by default or explicitly", () => {
        expect(checkResource(policy, { type: T, props: elb }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: withLogs({ bucket: "logs", enabled: true }) }).violations).toEqual([]);
    });
    it("passes a bucket unknown during preview: only its presence is judged", () => {
        expect(checkResource(policy, { type: T, props: withLogs({ bucket: UNKNOWN }) })).toEqual({ violations: [] });
    });
    it("fires when accessLogs is omitted, on the former token too", () => {
        const { accessLogs: _, ...rest } = elb;
        for (const type of [T, "aws:elasticloadbalancing/loadBalancer:LoadBalancer"]) {
            expect(checkResource(policy, { type, name: "legacy", props: rest }).violations).toEqual([expect.stringContaining("Classic Load Balancer 'legacy' has no accessLogs")]);
        }
    });
    it("fires when the logs are disabled", () => {
        expect(checkResource(policy, { type: T, props: withLogs({ bucket: "logs", enabled: false }) }).violations).toEqual([expect.stringContaining("disables its access logs")]);
        expect(checkResource(policy, { type: T, props: withLogs({ bucket: "logs", enabled: "false" }) }).violations).toHaveLength(1);
    });
    it("fires on a missing bucket and on malformed values, without crashing", () => {
        expect(checkResource(policy, { type: T, props: withLogs({ interval: 5 }) }).violations).toEqual([expect.stringContaining("without a bucket")]);
        expect(checkResource(policy, { type: T, props: withLogs("logs") }).violations).toEqual([expect.stringContaining("sets accessLogs to a string")]);
        expect(checkResource(policy, { type: T, props: withLogs({ bucket: "logs", enabled: 1 }) }).violations).toEqual([expect.stringContaining("not a boolean")]);
    });
    it("reports enabled unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: withLogs({ bucket: "logs", enabled: UNKNOWN }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
    it("is exempted by config", () => {
        const { accessLogs: _, ...rest } = elb;
        expect(checkResource(policy, { type: T, name: "legacy", props: rest, config: { exemptions: [{ resource: "legacy", reason: "retired next quarter" }] } }).notApplicable).toBeDefined();
    });
});
