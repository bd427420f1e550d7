import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { DISTRIBUTION_TYPE } from "../../lib/edge";
import { graphSources } from "../../lib/endpoints";
import { isUnknownValueError } from "../../lib/unknowns";
import { given, records, text } from "../../lib/values";

const WEBSITE_TYPES = ["aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2"];

export default stackPolicy({
    name: "aws-cloudfront-require-website-distribution",
    description: "Static websites hosted on S3 (a BucketWebsiteConfiguration, or a bucket's website block) are served through a CloudFront distribution of the stack, not straight from the S3 website endpoint.",
    priority: "P1",
    severity: "low",
    checklist: ["002.infrastructure-setup.cdn"],
    remediationSteps: "Add an aws.cloudfront.Distribution whose origin is the bucket (S3 origin with an origin access control, or the website endpoint as a custom origin) and point the site's domain at the distribution.",
    tags: ["network"],
    resourceTypes: [...BUCKET_TYPES, ...WEBSITE_TYPES, DISTRIBUTION_TYPE],
    validate: (resources, _config, report, context) => {
        const buckets = ofTypes(resources, BUCKET_TYPES);
        const bucketUrns = new Set(buckets.map((b) => b.urn));
        const websites: { site: PolicyResource; bucket?: string }[] = ofTypes(resources, WEBSITE_TYPES).map((site) => ({
            site, bucket: graphSources(site, ["bucket"]).find((u) => bucketUrns.has(u)),
        }));
        for (const bucket of buckets) {
            context.judge(bucket, () => {
                if (given(bucket.props.website) !== undefined) {
                    websites.push({ site: bucket, bucket: bucket.urn });
                }
            });
        }
        if (websites.length === 0) {
            return;
        }
        // What the distributions serve: resources their origins were built from, and origin domain names known during preview.
        const served = new Set<string>();
        const domains: string[] = [];
        let unknown: unknown;
        for (const distribution of ofTypes(resources, [DISTRIBUTION_TYPE])) {
            const sources = graphSources(distribution, ["origins"]);
            sources.forEach((u) => served.add(u));
            try {
                records(distribution.props.origins).forEach((o) => {
                    const domain = text(o.domainName);
                    if (domain) {
                        domains.push(domain.toLowerCase());
                    }
                });
            } catch (error) {
                if (!isUnknownValueError(error)) {
                    throw error;
                }
                if (sources.length === 0) {
                    unknown ??= error;
                }
            }
        }
        const byUrn = new Map(buckets.map((b) => [b.urn, b]));
        for (const { site, bucket } of websites) {
            context.judge(site, () => {
                if (served.has(site.urn) || (bucket !== undefined && served.has(bucket))) {
                    return;
                }
                const owner = bucket !== undefined ? byUrn.get(bucket) : undefined;
                const name = text(given(owner ? owner.props.bucket : site.props.bucket));
                if (name && domains.some((d) => d.startsWith(`${name.toLowerCase()}.`))) {
                    return;
                }
                if (unknown !== undefined) {
                    throw unknown;
                }
                const what = site === owner ? `S3 bucket '${site.name}' hosts a website` : `S3 website configuration '${site.name}'`;
                report(`${what} that no CloudFront distribution of the stack serves, so visitors get it over plain HTTP from one region: add an aws.cloudfront.Distribution with the bucket as its origin.`, site.urn);
            });
        }
    },
});
