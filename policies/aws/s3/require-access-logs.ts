import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES, indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { isUnknownValueError } from "../../lib/unknowns";
import { isDeclared, record, records } from "../../lib/values";

const LOGGING_TYPES = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];

/** The inline (deprecated) logging blocks of a bucket: `logging` on Bucket, `loggings` on BucketV2. */
function inlineLoggings(bucket: PolicyResource): unknown[] {
    return bucket.type === "aws:s3/bucketV2:BucketV2" ? records(bucket.props.loggings) : [bucket.props.logging];
}

/**
 * A link as seen when looking for its target bucket. An engine that sends no property dependencies
 * leaves only the plain dependencies, and there a lone bucket is the logged bucket as often as the
 * target: such a link is placed by its targetBucket value instead.
 */
function byTargetValue(link: PolicyResource): PolicyResource {
    return Object.keys(link.propertyDependencies ?? {}).length === 0 ? { ...link, dependencies: [] } : link;
}

/** The property that holds a bucket's inline logging, as the dependency graph names it. */
function inlineProperty(bucket: PolicyResource): string {
    return bucket.type === "aws:s3/bucketV2:BucketV2" ? "loggings" : "logging";
}

export default stackPolicy({
    name: "aws-s3-require-access-logs",
    description: "Every S3 bucket records server access logs (an aws.s3.BucketLogging, or the bucket's inline logging), so each request to its objects can be traced. A bucket that receives other buckets' access logs is exempt: logging it into itself adds a log object for every log delivery, and logging it into another bucket only moves the question there.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.audit-logging", "002.security-configuration.audit-logging", "000.compliance-audit.audit-trail"],
    remediationSteps: "Add an aws.s3.BucketLogging with bucket: <bucket>.id, targetBucket: <access-log bucket>.id and a targetPrefix per bucket; the access-log bucket lets logging.s3.amazonaws.com put objects and uses SSE-S3 encryption.",
    tags: ["observability"],
    validate: (resources, _config, report, context) => {
        const buckets = ofTypes(resources, BUCKET_TYPES);
        const loggings = ofTypes(resources, LOGGING_TYPES);
        const keys = (b: PolicyResource) => [b.props.bucket];
        // Which buckets log (a BucketLogging whose `bucket` names them) ...
        const logged = linkJudge(indexLinks(buckets, loggings, "bucket", keys), () => undefined);
        // ... and which receive access logs, from a BucketLogging or another bucket's inline logging.
        const targetOf = linkJudge(indexLinks(buckets, loggings.map(byTargetValue), "targetBucket", keys), () => undefined);
        // Buckets with inline logging; one whose logging is unknown during preview is judged unknown.
        const inline = new Set<string>();
        const inlineUnknown = new Map<string, unknown>();
        for (const bucket of buckets) {
            try {
                if (inlineLoggings(bucket).some((l) => isDeclared(l, "targetBucket"))) {
                    inline.add(bucket.urn);
                }
            } catch (error) {
                if (!isUnknownValueError(error)) {
                    throw error;
                }
                inlineUnknown.set(bucket.urn, error);
            }
        }
        const inlineTargetOf = (["logging", "loggings"] as const).map((property) => linkJudge(
            indexLinks(buckets, buckets.filter((b) => inline.has(b.urn) && inlineProperty(b) === property).map(byTargetValue), property, keys,
                (b) => inlineLoggings(b).map((l) => record(l)?.targetBucket)),
            () => undefined));
        for (const bucket of buckets) {
            context.judge(bucket, () => {
                if (inline.has(bucket.urn) || logged(bucket) === undefined) {
                    return;
                }
                if (inlineUnknown.has(bucket.urn)) {
                    throw inlineUnknown.get(bucket.urn);
                }
                if (targetOf(bucket) === undefined || inlineTargetOf.some((judge) => judge(bucket) === undefined)) {
                    return; // the access-log bucket itself
                }
                report(`S3 bucket '${bucket.name}' records no server access logs: add an aws.s3.BucketLogging with bucket: ${bucket.name}.id and targetBucket set to the access-log bucket.`, bucket.urn);
            });
        }
    },
});
