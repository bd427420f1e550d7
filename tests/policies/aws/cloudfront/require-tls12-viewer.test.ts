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
    it("passes every TLS 1.2+ security policy CloudFront offers, as the description says", () => {
        for (const version of ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"]) {
            expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: version }) }).violations).toEqual([]);
            expect(policy.description).toContain(version);
        }
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

    it("fires when minimumProtocolVersion is omitted or empty", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution(ACM) }).violations).toEqual([expect.stringContaining("sets no viewerCertificate.minimumProtocolVersion")]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: "" }) }).violations).toEqual([expect.stringContaining("sets no viewerCertificate.minimumProtocolVersion")]);
    });

    it("reports a name that is not a CloudFront security policy as unknown, even when it looks like TLS 1.2", () => {
        for (const version of ["modern", "TLSv1.2_2099", "TLSv1.2"]) {
            expect(checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: version }) }).violations)
                .toEqual([expect.stringContaining(`'${version}', not a CloudFront security policy name`)]);
        }
        expect(checkResource(policy, { type: DISTRIBUTION, props: { ...distribution(ACM), viewerCertificate: "x" as never } }).violations).toEqual([expect.stringContaining("sets viewerCertificate to a string")]);
    });

    it("reports a version unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: DISTRIBUTION, props: distribution({ ...ACM, minimumProtocolVersion: UNKNOWN }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the allowed security policies from config", () => {
        const props = distribution({ ...ACM, minimumProtocolVersion: "TLSv1.2_2021" });
        const verdict = checkResource(policy, { type: DISTRIBUTION, props, config: { allowedMinimumProtocolVersions: ["TLSv1.2_2025", "TLSv1.3_2025"] } });
        expect(verdict.violations).toEqual([expect.stringContaining("accepts TLSv1.2_2021 from viewers, which is not an allowed security policy: set viewerCertificate.minimumProtocolVersion to one of TLSv1.2_2025, TLSv1.3_2025")]);
        const legacy = distribution({ ...ACM, minimumProtocolVersion: "TLSv1.1_2016" });
        expect(checkResource(policy, { type: DISTRIBUTION, props: legacy, config: { allowedMinimumProtocolVersions: ["TLSv1.1_2016", "TLSv1.2_2021"] } }).violations).toEqual([]);
    });
});
