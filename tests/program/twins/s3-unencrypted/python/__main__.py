import pulumi
import pulumi_aws as aws

reports = aws.s3.Bucket("reports", tags={"team": "finance"})
aws.s3.BucketVersioning(
    "reports-versioning",
    bucket=reports.id,
    versioning_configuration={"status": "Enabled"},
)
aws.s3.BucketPublicAccessBlock(
    "reports-public-access",
    bucket=reports.id,
    block_public_acls=True,
    block_public_policy=True,
    ignore_public_acls=True,
    restrict_public_buckets=True,
)

# The archive bucket is encrypted, the reports bucket is not.
archive = aws.s3.Bucket("archive", tags={"team": "finance"})
aws.s3.BucketServerSideEncryptionConfiguration(
    "archive-encryption",
    bucket=archive.id,
    rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}, "bucket_key_enabled": True}],
)

pulumi.export("bucketName", reports.bucket)
