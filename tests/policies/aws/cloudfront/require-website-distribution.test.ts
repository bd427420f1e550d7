import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-website-distribution";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const WEBSITE = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

const bucket: StackResource = { type: BUCKET, name: "site", props: { bucket: "shop-site" } satisfies aws.s3.BucketArgs };
const website = (bucketName: string = UNKNOWN): StackResource => ({
    type: WEBSITE, name: "site-website",
    props: { bucket: bucketName, indexDocument: { suffix: "index.html" } } satisfies aws.s3.BucketWebsiteConfigurationArgs,
    propertyDependencies: bucketName === UNKNOWN ? { bucket: [urnOf(BUCKET, "site")] } : {},
});
const distribution = (domainName: string, origins: string[] = []): StackResource => ({
    type: DISTRIBUTION, name: "cdn",
    props: {
        enabled: true, origins: [{ originId: "site", domainName }],
        defaultCacheBehavior: { targetOriginId: "site", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET"], cachedMethods: ["GET"], compress: true },
        restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { cloudfrontDefaultCertificate: true },
    } satisfies aws.cloudfront.DistributionArgs,
    propertyDependencies: { origins },
});

describe("aws-cloudfront-require-website-distribution", () => {
    it("passes a website whose bucket a distribution serves, linked through the graph while names are unknown", () => {
        expect(checkStack(policy, [bucket, website(), distribution(UNKNOWN, [urnOf(BUCKET, "site")])])).toEqual({ violations: [], urns: [] });
    });
    it("passes a website served by a known origin domain name", () => {
        expect(checkStack(policy, [website("shop-site"), distribution("shop-site.s3-website-us-east-1.amazonaws.com")]).violations).toEqual([]);
    });
    it("fires on a website no distribution serves", () => {
        const verdict = checkStack(policy, [bucket, website()]);
        expect(verdict.violations).toEqual([expect.stringContaining("S3 website configuration 'site-website' that no CloudFront distribution of the stack serves")]);
        expect(verdict.urns).toEqual([urnOf(WEBSITE, "site-website")]);
        expect(checkStack(policy, [website("shop-site"), distribution("other.s3.amazonaws.com")]).violations).toHaveLength(1);
    });
    it("fires on a bucket's own website block", () => {
        const legacy: StackResource = { type: BUCKET, name: "legacy", props: { bucket: "legacy-site", website: { indexDocument: "index.html" } } satisfies aws.s3.BucketArgs };
        expect(checkStack(policy, [legacy]).violations).toEqual([expect.stringContaining("S3 bucket 'legacy' hosts a website")]);
    });
    it("asks nothing of buckets without a website (the attribute omitted)", () => {
        expect(checkStack(policy, [bucket]).violations).toEqual([]);
    });
    it("is unknown when a distribution's origin is unknown and the graph does not place it, and still judges the rest", () => {
        const verdict = checkStack(policy, [bucket, website(), distribution(UNKNOWN)]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(WEBSITE, "site-website")]);
    });
    it("honours an exemption given in config", () => {
        const verdict = checkStack(policy, [bucket, website()], { exemptions: [{ resource: "site-website", reason: "redirect-only bucket" }] });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toContain("redirect-only");
    });
});
