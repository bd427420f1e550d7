import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-origin-tls";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
type Origin = aws.types.input.cloudfront.DistributionOriginCustomOriginConfig;
const tls12: Origin = { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] };
const distribution = (custom: Origin, viewerProtocolPolicy = "redirect-to-https"): aws.cloudfront.DistributionArgs => ({
    enabled: true,
    origins: [
        { originId: "alb", domainName: "alb.example.com", customOriginConfig: custom },
        { originId: "assets", domainName: "assets.s3.us-east-1.amazonaws.com", originAccessControlId: "oac1" },
    ],
    defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy, allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
    orderedCacheBehaviors: [{ pathPattern: "/static/*", targetOriginId: "assets", viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }],
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
});

describe("aws-cloudfront-require-origin-tls", () => {
    it("passes https-only with TLSv1.2, and leaves S3 origins alone", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution(tls12) }).violations).toEqual([]);
    });
    it("passes match-viewer when every cache behaviour sends viewers to HTTPS", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originProtocolPolicy: "match-viewer" }) }).violations).toEqual([]);
    });
    it("fires on http-only", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, name: "cdn", props: distribution({ ...tls12, originProtocolPolicy: "http-only" }) }).violations)
            .toEqual([expect.stringContaining("CloudFront distribution 'cdn' origin 'alb' uses originProtocolPolicy \"http-only\"")]);
    });
    it("fires on match-viewer when a cache behaviour accepts HTTP viewers", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originProtocolPolicy: "match-viewer" }, "allow-all") }).violations)
            .toEqual([expect.stringContaining("\"match-viewer\" while a cache behaviour accepts HTTP viewers")]);
    });
    it("fires on SSLv3, TLSv1 and TLSv1.1 among the origin protocols", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originSslProtocols: ["TLSv1", "TLSv1.1", "TLSv1.2"] }) }).violations)
            .toEqual([expect.stringContaining("with TLSv1, TLSv1.1 (originSslProtocols): keep only \"TLSv1.2\"")]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originSslProtocols: ["SSLv3"] }) }).violations).toEqual([expect.stringContaining("SSLv3")]);
    });
    it("fires when the protocol policy or the SSL protocols are omitted or malformed", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originSslProtocols: [] }) }).violations).toEqual([expect.stringContaining("omits originSslProtocols")]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originProtocolPolicy: "" }) }).violations).toEqual([expect.stringContaining("sets no originProtocolPolicy")]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originProtocolPolicy: "https" }) }).violations).toEqual([
            expect.stringContaining("sets originProtocolPolicy to \"https\", which CloudFront does not accept (it takes http-only, match-viewer or https-only): set originProtocolPolicy: \"https-only\"."),
        ]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: { ...distribution(tls12), origins: [{ originId: "alb", domainName: "alb.example.com", customOriginConfig: { ...tls12, originSslProtocols: [12] } }] } }).violations).toEqual([expect.stringContaining("with a number (not a protocol name) (originSslProtocols)")]);
    });
    it("reports values unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originProtocolPolicy: UNKNOWN }) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originProtocolPolicy: "match-viewer" }, UNKNOWN) }).unknown).toBeDefined();
    });
    it("does not read viewer policies for https-only origins", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution(tls12, UNKNOWN) })).toEqual({ violations: [] });
    });
    it("takes the allowed protocols from config", () => {
        const legacy = distribution({ ...tls12, originSslProtocols: ["TLSv1.1", "TLSv1.2"] });
        expect(checkResource(policy, { type: DISTRIBUTION, props: legacy }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: DISTRIBUTION, props: legacy, config: { allowedOriginSslProtocols: ["TLSv1.1", "TLSv1.2"] } }).violations).toEqual([]);
    });

    it("judges each origin and each of its settings apart, reading an origin id only to name it", () => {
        const props = distribution({ ...tls12, originProtocolPolicy: UNKNOWN, originSslProtocols: ["TLSv1.2", UNKNOWN, "SSLv3"] });
        const origins = props.origins as aws.types.input.cloudfront.DistributionOrigin[];
        const unknownId = { ...props, origins: [UNKNOWN as never, { ...origins[0], originId: UNKNOWN }] };
        expect(checkResource(policy, { type: DISTRIBUTION, name: "cdn", props: unknownId }).violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' origin #2 lets CloudFront reach the origin with SSLv3")]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: { ...props, origins: [{ ...origins[0], originId: UNKNOWN, customOriginConfig: tls12 }] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...tls12, originSslProtocols: [UNKNOWN] }) }).unknown).toBeDefined();
    });
});
