import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/acm/require-dns-validated-certificates";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const CERT = "aws:acm/certificate:Certificate";
const LISTENER = "aws:lb/listener:Listener";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

const certificate = (args: aws.acm.CertificateArgs = { domainName: "shop.example.com", validationMethod: "DNS" }): StackResource => ({ type: CERT, name: "cert", props: args });
const listener = (certificateArn: string = UNKNOWN, type = LISTENER): StackResource => ({
    type, name: "https",
    props: { loadBalancerArn: "arn:lb", protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", certificateArn, defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] } satisfies aws.lb.ListenerArgs,
    dependencies: certificateArn === UNKNOWN ? [urnOf(CERT, "cert")] : [],
});
const distribution = (viewerCertificate: aws.types.input.cloudfront.DistributionViewerCertificate): StackResource => ({
    type: DISTRIBUTION, name: "cdn",
    props: { enabled: true, origins: [], defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "https-only", allowedMethods: ["GET"], cachedMethods: ["GET"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate } satisfies aws.cloudfront.DistributionArgs,
    dependencies: [urnOf(CERT, "cert")],
});

describe("aws-acm-require-dns-validated-certificates", () => {
    it("passes a listener and a distribution serving a DNS-validated certificate of the stack", () => {
        expect(checkStack(policy, [certificate(), listener(), distribution({ acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" })]).violations).toEqual([]);
    });
    it("fires on the certificate when it is email-validated, on the aws.alb alias too", () => {
        const verdict = checkStack(policy, [certificate({ domainName: "shop.example.com", validationMethod: "EMAIL" }), listener(UNKNOWN, "aws:alb/listener:Listener")]);
        expect(verdict.violations).toEqual([expect.stringContaining("ACM certificate 'cert', served by https, uses validationMethod 'EMAIL'")]);
        expect(verdict.urns).toEqual([urnOf(CERT, "cert")]);
    });
    it("fires on an imported certificate, without printing the key", () => {
        const verdict = checkStack(policy, [certificate({ privateKey: "-----BEGIN PRIVATE KEY-----secret", certificateBody: "-----BEGIN CERTIFICATE-----" }), listener()]);
        expect(verdict.violations).toEqual([expect.stringContaining("is imported")]);
        expect(verdict.violations[0]).not.toContain("secret");
    });
    it("fires when validationMethod is omitted", () => {
        expect(checkStack(policy, [certificate({ domainName: "shop.example.com" }), listener()]).violations).toEqual([expect.stringContaining("sets no validationMethod")]);
    });
    it("passes a private CA certificate, which ACM renews", () => {
        expect(checkStack(policy, [certificate({ domainName: "internal.example.com", certificateAuthorityArn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/1" }), listener()]).violations).toEqual([]);
    });
    it("fires on the user of a certificate that is not in the stack, or an IAM server certificate", () => {
        const verdict = checkStack(policy, [listener("arn:aws:acm:us-east-1:123456789012:certificate/imported")]);
        expect(verdict.violations).toEqual([expect.stringContaining("Listener 'https' serves certificate 'arn:aws:acm:us-east-1:123456789012:certificate/imported', which is not an ACM certificate of this stack")]);
        expect(verdict.urns).toEqual([urnOf(LISTENER, "https")]);
        expect(checkStack(policy, [distribution({ iamCertificateId: "ASCA1", sslSupportMethod: "sni-only" })]).violations).toEqual([expect.stringContaining("IAM server certificate")]);
    });
    it("treats an empty certificateArn or iamCertificateId as no certificate", () => {
        expect(checkStack(policy, [listener("")]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...distribution({ iamCertificateId: "", cloudfrontDefaultCertificate: true }), dependencies: [] }]).violations).toEqual([]);
    });
    it("judges every resource it can when one value is unknown: known-bad fire, known-good pass, only the unknown one is unknown", () => {
        const pending: StackResource = { ...listener(), name: "pending", dependencies: [] };
        const external: StackResource = { ...listener("arn:aws:acm:us-east-1:123456789012:certificate/imported"), name: "external" };
        const good: StackResource = { ...listener(), name: "good" };
        const verdict = checkStack(policy, [certificate(), pending, external, good]);
        expect(verdict.violations).toEqual([expect.stringContaining("Listener 'external' serves certificate")]);
        expect(verdict.urns).toEqual([urnOf(LISTENER, "external")]);
        expect(verdict.unknownUrns).toEqual([urnOf(LISTENER, "pending")]);
    });
    it("reports a certificate whose validation method is unknown as unknown, and still judges the others", () => {
        const pending: StackResource = { ...certificate({ domainName: "a.example.com", validationMethod: UNKNOWN }), name: "pending" };
        const email: StackResource = { ...certificate({ domainName: "b.example.com", validationMethod: "EMAIL" }), name: "email" };
        const users = [
            { ...listener(), name: "a", dependencies: [urnOf(CERT, "pending")] },
            { ...listener(), name: "b", dependencies: [urnOf(CERT, "email")] },
        ];
        const verdict = checkStack(policy, [pending, email, ...users]);
        expect(verdict.violations).toEqual([expect.stringContaining("ACM certificate 'email'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(CERT, "pending")]);
    });

    it("reads only whether a certificate is imported or private, not the key or ARN that may be unknown during preview", () => {
        const imported = certificate({ privateKey: UNKNOWN, certificateBody: UNKNOWN } as aws.acm.CertificateArgs);
        expect(checkStack(policy, [imported, listener()]).violations).toEqual([expect.stringContaining("ACM certificate 'cert', served by https, is imported")]);
        const privateCa = certificate({ domainName: "internal.example.com", certificateAuthorityArn: UNKNOWN });
        expect(checkStack(policy, [privateCa, listener()])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [certificate(), listener()]).violations).toEqual([]);
    });
});
