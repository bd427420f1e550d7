import { BUCKET_TYPES, ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

const ENCRYPTION_TYPES = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];

export default stackPolicy({
    name: "aws-s3-require-encryption",
    description: "Every S3 bucket declares its default encryption, with a BucketServerSideEncryptionConfiguration (or the bucket's inline setting), so the key it uses is chosen and reviewed.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "002.compliance-verification.data-encryption"],
    remediationSteps: "Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: <bucket>.id and a rule applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\" } (or \"AES256\").",
    tags: ["encryption"],
    config: {
        acceptDefaultEncryption: {
            type: "boolean",
            default: false,
            description: "Accept a bucket without a declared configuration. Default false: S3 encrypts new objects with SSE-S3 since January 2023, but 002 asks for encryption to be verified, which needs it declared.",
        },
    },
    validate: (resources, config, report) => {
        if (config.acceptDefaultEncryption) {
            return;
        }
        const buckets = ofTypes(resources, BUCKET_TYPES).filter((b) => b.props.serverSideEncryptionConfiguration === undefined);
        const configurations = ofTypes(resources, ENCRYPTION_TYPES);
        for (const bucket of unlinkedTargets(buckets, configurations, "bucket", (b) => [b.props.bucket])) {
            report(`S3 bucket '${bucket.name}' has no server-side encryption configuration: add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: ${bucket.name}.id and sseAlgorithm "aws:kms" or "AES256".`, bucket.urn);
        }
    },
});
