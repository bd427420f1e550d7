import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-compression";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
type Behaviour = aws.types.input.cloudfront.DistributionOrderedCacheBehavior;

function distribution(mutate?: (args: { defaultCacheBehavior: aws.types.input.cloudfront.DistributionDefaultCacheBehavior; orderedCacheBehaviors: Behaviour[] }) => void): aws.cloudfront.DistributionArgs {
    const args = {
        enabled: true,
        origins: [{ originId: "alb", domainName: "alb.example.com" }],
        defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], compress: true },
        orderedCacheBehaviors: [{ pathPattern: "/assets/*", targetOriginId: "alb", viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], compress: true }] as Behaviour[],
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
    } satisfies aws.cloudfront.DistributionArgs;
    mutate?.(args);
    return args;
}

describe("aws-cloudfront-require-compression", () => {
    it("passes when every behaviour compresses", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution() }).violations).toEqual([]);
    });
    it("fires on the default behaviour when compress is omitted, which CloudFront takes as false", () => {
        const props = distribution((d) => { delete d.defaultCacheBehavior.compress; });
        expect(checkResource(policy, { type: DISTRIBUTION, name: "cdn", props }).violations).toEqual([
            expect.stringContaining("CloudFront distribution 'cdn' defaultCacheBehavior omits compress, which defaults to false"),
        ]);
    });
    it("fires on an ordered behaviour set to false, naming its path, and on a value that is not a boolean", () => {
        const off = distribution((d) => { d.orderedCacheBehaviors[0].compress = false; });
        expect(checkResource(policy, { type: DISTRIBUTION, props: off }).violations).toEqual([expect.stringContaining("orderedCacheBehaviors[0] (/assets/*) sets compress to false")]);
        const odd = { ...distribution(), defaultCacheBehavior: { ...distribution().defaultCacheBehavior, compress: "yes" } };
        expect(checkResource(policy, { type: DISTRIBUTION, props: odd }).violations).toEqual([expect.stringContaining("not a boolean")]);
    });
    it("is unknown during preview when compress is unknown", () => {
        const props = { ...distribution(), defaultCacheBehavior: { ...distribution().defaultCacheBehavior, compress: UNKNOWN } };
        expect(checkResource(policy, { type: DISTRIBUTION, props }).unknown).toBeDefined();
    });
    it("honours an exemption given in config", () => {
        const props = distribution((d) => { d.defaultCacheBehavior.compress = false; });
        expect(checkResource(policy, { type: DISTRIBUTION, name: "media-cdn", props, config: { exemptions: [{ resource: "media-*", reason: "serves pre-compressed video" }] } }).notApplicable).toContain("pre-compressed");
    });

    it("reports an uncompressed behaviour next to one unknown during preview, and a path pattern that is unknown", () => {
        const props = distribution((d) => {
            d.defaultCacheBehavior.compress = false;
            d.orderedCacheBehaviors = [UNKNOWN as never, { ...d.orderedCacheBehaviors[0], pathPattern: UNKNOWN, compress: false }];
        });
        expect(checkResource(policy, { type: DISTRIBUTION, name: "cdn", props }).violations).toEqual([
            expect.stringContaining("CloudFront distribution 'cdn' defaultCacheBehavior sets compress to false"),
            expect.stringContaining("CloudFront distribution 'cdn' orderedCacheBehaviors[1] sets compress to false"),
        ]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution((d) => { d.orderedCacheBehaviors = [{ ...d.orderedCacheBehaviors[0], pathPattern: UNKNOWN }]; }) })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution((d) => { d.orderedCacheBehaviors = [UNKNOWN as never]; }) }).unknown).toBeDefined();
    });
});
