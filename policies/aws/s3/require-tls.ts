import { BUCKET_TYPES, deniesInsecureTransport, indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { attempt } from "../../lib/unknowns";
import { given } from "../../lib/values";

export default stackPolicy({
    name: "aws-s3-require-tls",
    description: "Every S3 bucket has a bucket policy that denies requests made without TLS.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.data-security.encryption-in-transit", "000.authentication-security.https-enforced"],
    remediationSteps: "Add an aws.s3.BucketPolicy with a statement { Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", Resource: [<bucket ARN>, <bucket ARN>/*], Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
    tags: ["transport-security"],
    resourceTypes: [...BUCKET_TYPES, "aws:s3/bucketPolicy:BucketPolicy"],
    validate: (resources, _config, report, context) => {
        const buckets = ofTypes(resources, BUCKET_TYPES);
        const policies = indexLinks(buckets, ofTypes(resources, ["aws:s3/bucketPolicy:BucketPolicy"]), "bucket", (b) => [b.props.bucket]);
        const judge = linkJudge(policies, (p) => deniesInsecureTransport(p.props.policy) ? undefined : `its bucket policy '${p.name}' does not deny requests without TLS`);
        for (const bucket of buckets) {
            context.judge(bucket, () => {
                // The inline policy and the linked ones each may deny plain HTTP: an inline policy
                // unknown during preview (built from the bucket's ARN) decides only when no linked one does.
                const inline = attempt(() => given(bucket.props.policy));
                if (inline.unknown === undefined && inline.value !== undefined && deniesInsecureTransport(inline.value)) {
                    return;
                }
                const problems = judge(bucket);
                if (problems !== undefined && inline.unknown !== undefined) {
                    throw inline.unknown;
                }
                if (problems !== undefined) {
                    report(`S3 bucket '${bucket.name}' accepts plain-HTTP requests${problems.length ? ` (${problems.join("; ")})` : ""}: add an aws.s3.BucketPolicy that denies s3:* when aws:SecureTransport is "false".`, bucket.urn);
                }
            });
        }
    },
});
