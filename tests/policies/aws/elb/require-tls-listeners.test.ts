import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elb/require-tls-listeners";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:elb/loadBalancer:LoadBalancer";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
const https: aws.types.input.elb.LoadBalancerListener = { lbPort: 443, lbProtocol: "https", instancePort: 8443, instanceProtocol: "https", sslCertificateId: CERT };
const ssl: aws.types.input.elb.LoadBalancerListener = { lbPort: 6443, lbProtocol: "SSL", instancePort: 6443, instanceProtocol: "ssl", sslCertificateId: CERT };
const http: aws.types.input.elb.LoadBalancerListener = { lbPort: 80, lbProtocol: "http", instancePort: 8080, instanceProtocol: "http" };
const tcp: aws.types.input.elb.LoadBalancerListener = { lbPort: 5432, lbProtocol: "tcp", instancePort: 5432, instanceProtocol: "tcp" };
const elb = (...listeners: aws.types.input.elb.LoadBalancerListener[]): aws.elb.LoadBalancerArgs => ({ subnets: ["subnet-a"], listeners });

describe("aws-elb-require-tls-listeners", () => {
    it("passes https and ssl listeners, in any case", () => expect(checkResource(policy, { type: T, props: elb(https, ssl) }).violations).toEqual([]));
    it("fires on a plain http listener, port 80 included, on the former token too", () => {
        for (const type of [T, "aws:elasticloadbalancing/loadBalancer:LoadBalancer"]) {
            expect(checkResource(policy, { type, name: "legacy", props: elb(https, http) }).violations)
                .toEqual([expect.stringContaining("Classic Load Balancer 'legacy' listener on port 80 uses lbProtocol 'http', which is not encrypted")]);
        }
    });
    it("fires on a plain tcp listener", () => expect(checkResource(policy, { type: T, props: elb(tcp) }).violations).toEqual([expect.stringContaining("port 5432 uses lbProtocol 'tcp'")]));
    it("fires on an omitted or malformed protocol and on malformed listeners, without crashing", () => {
        expect(checkResource(policy, { type: T, props: { ...elb(), listeners: [{ lbPort: 443, instancePort: 8443, instanceProtocol: "https" }] } }).violations)
            .toEqual([expect.stringContaining("has lbProtocol unset")]);
        expect(checkResource(policy, { type: T, props: { ...elb(), listeners: ["https"] } }).violations).toEqual([expect.stringContaining("listener #1 is a string")]);
        expect(checkResource(policy, { type: T, props: { ...elb(), listeners: "https" } }).violations).toEqual([expect.stringContaining("not a list")]);
    });
    it("passes no listeners: nothing listens", () => expect(checkResource(policy, { type: T, props: elb() }).violations).toEqual([]));
    it("allows plain listeners on the ports of allowedPlainPorts only", () => {
        expect(checkResource(policy, { type: T, props: elb(https, http), config: { allowedPlainPorts: [80] } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: elb(http, tcp), config: { allowedPlainPorts: [80] } }).violations).toEqual([expect.stringContaining("port 5432")]);
    });
    it("reports a protocol unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: elb({ ...https, lbProtocol: UNKNOWN }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reports a plain listener next to one unknown during preview, reading its port only to name it", () => {
        expect(checkResource(policy, { type: T, name: "legacy", props: elb(UNKNOWN as never, { ...http, lbPort: UNKNOWN as never }) }).violations)
            .toEqual([expect.stringContaining("Classic Load Balancer 'legacy' listener #2 uses lbProtocol 'http'")]);
        expect(checkResource(policy, { type: T, props: elb({ ...http, lbPort: UNKNOWN as never }), config: { allowedPlainPorts: [80] } }).unknown).toBeDefined();
    });
});
