import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-tls12-viewer";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

function distribution(viewerCertificate: aws.types.input.cloudfront.DistributionViewerCertificate): aws.cloudfront.DistributionArgs {
    return {
        enabled: true,
        origins: [{ originId: "alb", domainName: "alb.example.com", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
        defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate,
    };
}

const ACM = { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only" };

describe("aws-cloudfront-require-tls12-viewer", () => {
    it("passes TLSv1.2_2021 with an ACM certificate", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: "TLSv1.2_2021" }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: "TLSv1.3_2025" }) }).violations).toEqual([]);
    });

    it("fires on TLSv1.1_2016 and TLSv1", () => {
        for (const version of ["TLSv1.1_2016", "TLSv1", "TLSv1_2016", "SSLv3"]) {
            const { violations } = checkResource(policy, { type: DISTRIBUTION, name: "cdn", props: distribution({ ...ACM, minimumProtocolVersion: version }) });
            expect(violations).toEqual([expect.stringContaining(`CloudFront distribution 'cdn' accepts ${version}`)]);
        }
    });

    it("fires on the default CloudFront certificate, which forces TLSv1", () => {
        const { violations } = checkResource(policy, { type: DISTRIBUTION, props: distribution({ cloudfrontDefaultCertificate: true }) });
        expect(violations).toEqual([expect.stringContaining("default *.cloudfront.net certificate")]);
    });

    it("fires when minimumProtocolVersion is omitted", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution(ACM) }).violations).toEqual([expect.stringContaining("sets no viewerCertificate.minimumProtocolVersion")]);
    });

    it("fires on a value that is not a protocol version, without crashing", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: "modern" }) }).violations).toEqual([expect.stringContaining("not a CloudFront protocol version")]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: { ...distribution(ACM), viewerCertificate: "x" } }).violations).toEqual([expect.stringContaining("a string viewerCertificate")]);
    });

    it("reports a version unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: UNKNOWN }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the minimum TLS version from config", () => {
        const props = distribution({ ...ACM, minimumProtocolVersion: "TLSv1.2_2021" });
        expect(checkResource(policy, { type: DISTRIBUTION, props, config: { minimumTlsVersion: "1.3" } }).violations).toHaveLength(1);
        const legacy = distribution({ ...ACM, minimumProtocolVersion: "TLSv1.1_2016" });
        expect(checkResource(policy, { type: DISTRIBUTION, props: legacy, config: { minimumTlsVersion: "1.1" } }).violations).toEqual([]);
    });
});
