import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/acm/require-matching-certificates";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const CERT = "aws:acm/certificate:Certificate";
const LISTENER = "aws:lb/listener:Listener";
const LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const RECORD = "aws:route53/record:Record";

const certificate = (args: Partial<aws.acm.CertificateArgs> = {}): StackResource => ({ type: CERT, name: "cert", props: { domainName: "shop.example.com", subjectAlternativeNames: ["*.shop.example.com"], validationMethod: "DNS", ...args } });
const alb: StackResource = { type: LOAD_BALANCER, name: "alb", props: { loadBalancerType: "application", internal: false } satisfies aws.lb.LoadBalancerArgs };
const record = (fqdn: string): StackResource => ({
    type: RECORD, name: `dns-${fqdn}`, props: { zoneId: "Z1", name: fqdn, type: "A", aliases: [{ name: UNKNOWN, zoneId: UNKNOWN, evaluateTargetHealth: true }] } satisfies aws.route53.RecordArgs,
    propertyDependencies: { aliases: [urnOf(LOAD_BALANCER, "alb")] },
});
const listener = (args: Partial<aws.lb.ListenerArgs> = {}, withCertificate = true): StackResource => ({
    type: LISTENER, name: "https",
    props: { loadBalancerArn: UNKNOWN, protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }], ...(withCertificate ? { certificateArn: UNKNOWN } : {}), ...args } satisfies aws.lb.ListenerArgs,
    propertyDependencies: { loadBalancerArn: [urnOf(LOAD_BALANCER, "alb")], ...(withCertificate ? { certificateArn: [urnOf(CERT, "cert")] } : {}) },
});
const distribution = (aliases: string[], viewerCertificate: aws.types.input.cloudfront.DistributionViewerCertificate = { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only" }): StackResource => ({
    type: DISTRIBUTION, name: "cdn",
    props: {
        enabled: true, aliases, origins: [{ originId: "alb", domainName: "alb.example.com" }],
        defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET"], cachedMethods: ["GET"] },
        restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate,
    } satisfies aws.cloudfront.DistributionArgs,
    propertyDependencies: viewerCertificate.acmCertificateArn === UNKNOWN ? { viewerCertificate: [urnOf(CERT, "cert")] } : { origins: [] },
});

describe("aws-acm-require-matching-certificates", () => {
    it("passes a listener and a distribution whose certificate covers every name they are reached by (wildcards included)", () => {
        const stack = [certificate(), alb, record("shop.example.com"), listener(), distribution(["www.shop.example.com"])];
        expect(checkStack(policy, stack)).toEqual({ violations: [], urns: [] });
    });
    it("fires when a record points at the load balancer under a name the certificate does not cover", () => {
        const verdict = checkStack(policy, [certificate({ subjectAlternativeNames: [] }), alb, record("shop.example.com"), record("api.shop.example.com"), listener()]);
        expect(verdict.violations).toEqual([expect.stringContaining("HTTPS listener 'https' is reached as 'api.shop.example.com', which its ACM certificate ('cert') does not cover")]);
        expect(verdict.urns).toEqual([urnOf(LISTENER, "https")]);
    });
    it("fires when a distribution alias is not covered, or a wildcard is asked to cover two levels", () => {
        expect(checkStack(policy, [certificate({ subjectAlternativeNames: [] }), distribution(["www.shop.example.com"])]).violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' is reached as 'www.shop.example.com'")]);
        expect(checkStack(policy, [certificate(), distribution(["a.b.shop.example.com"])]).violations).toEqual([expect.stringContaining("'a.b.shop.example.com'")]);
    });
    it("fires on a distribution with aliases that keeps the default CloudFront certificate", () => {
        const verdict = checkStack(policy, [distribution(["www.shop.example.com"], { cloudfrontDefaultCertificate: true })]);
        expect(verdict.violations).toEqual([expect.stringContaining("serves the default *.cloudfront.net certificate")]);
        expect(checkStack(policy, [distribution([], { cloudfrontDefaultCertificate: true })]).violations).toEqual([]);
    });
    it("fires on an HTTPS or TLS listener with certificateArn omitted", () => {
        expect(checkStack(policy, [alb, listener({}, false)]).violations).toEqual([expect.stringContaining("HTTPS listener 'https' sets no certificateArn")]);
        expect(checkStack(policy, [alb, listener({ protocol: "TLS" }, false)]).violations).toEqual([expect.stringContaining("TLS listener 'https'")]);
        expect(checkStack(policy, [alb, listener({ protocol: "HTTP", sslPolicy: undefined }, false)]).violations).toEqual([]);
    });
    it("is unknown when the certificate's names are unknown during preview, and still judges the others", () => {
        const verdict = checkStack(policy, [certificate({ domainName: UNKNOWN }), alb, record("shop.example.com"), listener(), { ...listener({}, false), name: "bare" }]);
        expect(verdict.unknownUrns).toEqual([urnOf(LISTENER, "https")]);
        expect(verdict.violations).toEqual([expect.stringContaining("listener 'bare' sets no certificateArn")]);
    });
    it("honours an exemption given in config", () => {
        const verdict = checkStack(policy, [distribution(["www.shop.example.com"], { cloudfrontDefaultCertificate: true })], { exemptions: [{ resource: "cdn", reason: "aliases move next sprint", expires: "2099-01-01" }] });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toContain("aliases move");
    });

    it("counts a certificate ARN unknown during preview and not linked by the graph as set", () => {
        const unlinked = { ...listener(), propertyDependencies: { loadBalancerArn: [urnOf(LOAD_BALANCER, "alb")], certificateArn: [] } };
        expect(checkStack(policy, [alb, record("shop.example.com"), certificate(), unlinked])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [alb, record("shop.example.com"), { ...unlinked, props: { ...unlinked.props, certificateArn: undefined } }]).violations).toEqual([expect.stringContaining("sets no certificateArn")]);
    });
});
