import { BUCKET_TYPES, deniesInsecureTransport, ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

export default stackPolicy({
    name: "aws-s3-require-tls",
    description: "Every S3 bucket has a bucket policy that denies requests made without TLS.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.data-security.encryption-in-transit", "000.authentication-security.https-enforced"],
    remediationSteps: "Add an aws.s3.BucketPolicy with a statement { Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", Resource: [<bucket ARN>, <bucket ARN>/*], Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
    tags: ["transport-security"],
    validate: (resources, _config, report) => {
        const buckets = ofTypes(resources, BUCKET_TYPES).filter((b) => b.props.policy === undefined || !deniesInsecureTransport(b.props.policy));
        const policies = ofTypes(resources, ["aws:s3/bucketPolicy:BucketPolicy"]).filter((p) => deniesInsecureTransport(p.props.policy));
        for (const bucket of unlinkedTargets(buckets, policies, "bucket", (b) => [b.props.bucket])) {
            report(`S3 bucket '${bucket.name}' accepts plain-HTTP requests: add an aws.s3.BucketPolicy that denies s3:* when aws:SecureTransport is "false".`, bucket.urn);
        }
    },
});
