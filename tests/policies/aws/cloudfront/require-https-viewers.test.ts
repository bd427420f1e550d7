import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-https-viewers";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

type Behaviour = aws.types.input.cloudfront.DistributionOrderedCacheBehavior;
/** A behaviour as a program may write it, viewerProtocolPolicy omitted or mistyped. */
type LooseBehaviour = Omit<aws.types.input.cloudfront.DistributionDefaultCacheBehavior, "viewerProtocolPolicy"> & { viewerProtocolPolicy?: unknown };

function distribution(mutate?: (args: { defaultCacheBehavior: aws.types.input.cloudfront.DistributionDefaultCacheBehavior; orderedCacheBehaviors: Behaviour[] }) => void): aws.cloudfront.DistributionArgs {
    const args = {
        enabled: true,
        origins: [{ originId: "alb", domainName: "alb.example.com" }],
        defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
        orderedCacheBehaviors: [{ pathPattern: "/api/*", targetOriginId: "alb", viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }] as Behaviour[],
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
    } satisfies aws.cloudfront.DistributionArgs;
    mutate?.(args);
    return args;
}

describe("aws-cloudfront-require-https-viewers", () => {
    it("passes redirect-to-https and https-only behaviours", () => {
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution() }).violations).toEqual([]);
    });

    it("fires on allow-all in the default behaviour", () => {
        const props = distribution((d) => { d.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"; });
        expect(checkResource(policy, { type: DISTRIBUTION, name: "cdn", props }).violations).toEqual([
            expect.stringContaining("CloudFront distribution 'cdn' defaultCacheBehavior has viewerProtocolPolicy 'allow-all'"),
        ]);
    });

    it("fires on allow-all in an ordered behaviour, naming its path", () => {
        const props = distribution((d) => { d.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all"; });
        expect(checkResource(policy, { type: DISTRIBUTION, props }).violations).toEqual([expect.stringContaining("orderedCacheBehaviors[0] (/api/*)")]);
    });

    it("fires when viewerProtocolPolicy is omitted or not a string", () => {
        const omitted = distribution((d) => { const loose: LooseBehaviour = d.defaultCacheBehavior; delete loose.viewerProtocolPolicy; });
        expect(checkResource(policy, { type: DISTRIBUTION, props: omitted }).violations).toEqual([expect.stringContaining("viewerProtocolPolicy unset")]);
        const odd = distribution((d) => { const loose: LooseBehaviour = d.orderedCacheBehaviors[0]; loose.viewerProtocolPolicy = true; });
        expect(checkResource(policy, { type: DISTRIBUTION, props: odd }).violations).toEqual([expect.stringContaining("viewerProtocolPolicy a boolean")]);
    });

    it("reports a policy unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: DISTRIBUTION, props: distribution((d) => { d.defaultCacheBehavior.viewerProtocolPolicy = UNKNOWN; }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reports a plain-HTTP behaviour next to ordered behaviours unknown during preview", () => {
        const props = distribution((d) => { d.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"; d.orderedCacheBehaviors = UNKNOWN as never; });
        expect(checkResource(policy, { type: DISTRIBUTION, name: "cdn", props }).violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' defaultCacheBehavior has viewerProtocolPolicy 'allow-all'")]);
        expect(checkResource(policy, { type: DISTRIBUTION, props: distribution((d) => { d.orderedCacheBehaviors = UNKNOWN as never; }) }).unknown).toBeDefined();
    });
});
