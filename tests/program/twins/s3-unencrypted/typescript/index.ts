import * as aws from "@pulumi/aws";

const reports = new aws.s3.Bucket("reports", { tags: { team: "finance" } });
new aws.s3.BucketVersioning("reports-versioning", {
    bucket: reports.id,
    versioningConfiguration: { status: "Enabled" },
});
new aws.s3.BucketPublicAccessBlock("reports-public-access", {
    bucket: reports.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});

// The archive bucket is encrypted, the reports bucket is not.
const archive = new aws.s3.Bucket("archive", { tags: { team: "finance" } });
new aws.s3.BucketServerSideEncryptionConfiguration("archive-encryption", {
    bucket: archive.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }],
});

export const bucketName = reports.bucket;
