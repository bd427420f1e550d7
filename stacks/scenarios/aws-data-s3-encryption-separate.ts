import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";
import { ACCESS_LOGS_BUCKET } from "../reference/aws/governance";

export default scenario({
    description: "An exports bucket declares its encryption, versioning, access logging and TLS-only policy as separate resources, joined by reference: nothing fires",
    violations: [],
    extra: () => {
        const name = "app-exports-123456789012";
        const bucket = new aws.s3.Bucket("app-exports", { bucket: name });
        new aws.s3.BucketServerSideEncryptionConfiguration("app-exports-encryption", {
            bucket: bucket.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        });
        new aws.s3.BucketLogging("app-exports-access-logging", { bucket: bucket.id, targetBucket: ACCESS_LOGS_BUCKET, targetPrefix: "s3/app-exports/" });
        new aws.s3.BucketVersioning("app-exports-versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
        new aws.s3.BucketPublicAccessBlock("app-exports-public-access", {
            bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
        });
        new aws.s3.BucketPolicy("app-exports-policy", {
            bucket: bucket.id,
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
                    Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }],
            }),
        });
    },
});
