import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES, indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { anyPasses, isUnknownValueError, someItem } from "../../lib/unknowns";
import { at, given, isDeclared, list, record, records, text } from "../../lib/values";

const LOGGING_TYPES = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];
const ACL_TYPES = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"];
const POLICY_TYPES = ["aws:s3/bucketPolicy:BucketPolicy"];

/** The grantee S3 server access logging writes as when a bucket's ACL lets it (the legacy way). */
const LOG_DELIVERY_GROUP = "http://acs.amazonaws.com/groups/s3/LogDelivery";
/** The service principal S3 server access logging writes as when a bucket policy lets it. */
const LOGGING_SERVICE = "logging.s3.amazonaws.com";

/** True when a canned ACL or its grants let the LogDelivery group write: the bucket is set up to receive access logs. */
function aclReceivesLogs(acl: unknown, readGrants: () => unknown): boolean {
    if (text(given(acl)) === "log-delivery-write") {
        return true;
    }
    return someItem(readGrants(), (grant) => {
        const entry = record(grant);
        return (text(record(entry?.grantee)?.uri) ?? text(entry?.uri)) === LOG_DELIVERY_GROUP;
    });
}

/** True when a policy document allows the S3 logging service principal: the bucket is set up to receive access logs. */
function policyReceivesLogs(document: unknown): boolean {
    let parsed = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return false;
        }
    }
    const statements = record(parsed)?.Statement;
    return (Array.isArray(statements) ? statements : [statements]).some((statement) => {
        const entry = record(statement);
        const service = record(entry?.Principal)?.Service;
        return text(entry?.Effect) === "Allow" && (service === LOGGING_SERVICE || list(service).includes(LOGGING_SERVICE));
    });
}

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
    description: "Every S3 bucket records server access logs (an aws.s3.BucketLogging, or the bucket's inline logging), so each request to its objects can be traced. A bucket that receives access logs is exempt: one another bucket of the stack logs into, or one set up to receive them (the log-delivery-write canned ACL, a grant to the LogDelivery group, or a bucket policy allowing logging.s3.amazonaws.com), as a central log bucket of an account is. Logging it into itself adds a log object for every log delivery, and logging it into another bucket only moves the question there.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.audit-logging", "002.security-configuration.audit-logging", "000.compliance-audit.audit-trail"],
    remediationSteps: "Add an aws.s3.BucketLogging with bucket: <bucket>.id, targetBucket: <access-log bucket>.id and a targetPrefix per bucket; the access-log bucket lets logging.s3.amazonaws.com put objects and uses SSE-S3 encryption.",
    tags: ["observability"],
    resourceTypes: [...BUCKET_TYPES, ...LOGGING_TYPES, ...ACL_TYPES, ...POLICY_TYPES],
    validate: (resources, _config, report, context) => {
        const buckets = ofTypes(resources, BUCKET_TYPES);
        const loggings = ofTypes(resources, LOGGING_TYPES);
        const acls = ofTypes(resources, ACL_TYPES);
        const policies = ofTypes(resources, POLICY_TYPES);
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
        // ... and which are set up to receive them, by a BucketAcl or a BucketPolicy that names them.
        const receivingAcl = linkJudge(indexLinks(buckets, acls, "bucket", keys),
            (acl) => (aclReceivesLogs(acl.props.acl, () => at(acl.props.accessControlPolicy, "grants")) ? undefined : "no log delivery grant"));
        const receivingPolicy = linkJudge(indexLinks(buckets, policies, "bucket", keys),
            (policy) => (policyReceivesLogs(policy.props.policy) ? undefined : "no logging service statement"));
        for (const bucket of buckets) {
            context.judge(bucket, () => {
                // Any one of these passes the bucket; one unknown during preview decides only when no known one does.
                const passes: (() => boolean)[] = [
                    () => inline.has(bucket.urn) || logged(bucket) === undefined,
                    () => {
                        if (inlineUnknown.has(bucket.urn)) {
                            throw inlineUnknown.get(bucket.urn);
                        }
                        return false;
                    },
                    // the access-log bucket itself: another bucket logs into it, or it is set up to receive logs
                    () => targetOf(bucket) === undefined,
                    ...inlineTargetOf.map((judge) => () => judge(bucket) === undefined),
                    () => aclReceivesLogs(bucket.props.acl, () => bucket.props.grants),
                    () => policyReceivesLogs(bucket.props.policy),
                    () => receivingAcl(bucket) === undefined,
                    () => receivingPolicy(bucket) === undefined,
                ];
                if (anyPasses(passes, (pass) => pass())) {
                    return;
                }
                report(`S3 bucket '${bucket.name}' records no server access logs: add an aws.s3.BucketLogging with bucket: ${bucket.name}.id and targetBucket set to the access-log bucket (if this is the access-log bucket, let the logging service logging.s3.amazonaws.com put objects in its bucket policy).`, bucket.urn);
            });
        }
    },
});
