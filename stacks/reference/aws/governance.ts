import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export const ACCOUNT_ID = "123456789012";

/** Who may write logs to a log bucket, and under which prefix. */
export interface LogWriter {
    sid: string;
    principal: Record<string, string>;
    prefix: string;
    conditions?: Record<string, unknown>;
}

/**
 * A private log bucket: encrypted (SSE-S3, which ELB access logs require), versioned with old
 * versions expired, public access blocked, and a policy that lets `writers` put objects under
 * `prefix` and denies every request made without TLS.
 */
export function logBucket(name: string, writers: LogWriter[]): aws.s3.Bucket {
    const bucket = new aws.s3.Bucket(name, { forceDestroy: false });
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
        bucket: bucket.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, {
        bucket: bucket.id,
        rules: [{ id: "expire-old-logs", status: "Enabled", filter: {}, expiration: { days: 365 }, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
    });
    new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, {
        bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new aws.s3.BucketPolicy(`${name}-policy`, {
        bucket: bucket.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                ...writers.map((w) => ({
                    Sid: w.sid,
                    Effect: "Allow",
                    Principal: w.principal,
                    Action: "s3:PutObject",
                    Resource: pulumi.interpolate`${bucket.arn}/${w.prefix}/*`,
                    ...(w.conditions ? { Condition: w.conditions } : {}),
                })),
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        }),
    });
    return bucket;
}

export interface Governance {
    key: aws.kms.Key;
    apiKey: aws.secretsmanager.Secret;
}

/** Account-level guard rails: a rotated KMS key, a rotated secret, an audit trail and a budget with alerts. */
export function governance(): Governance {
    const key = new aws.kms.Key("app-key", {
        description: "Application data and secrets",
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
    });
    const apiKey = new aws.secretsmanager.Secret("app-api-key", {
        name: "app/prod/api-key",
        description: "Third-party API key of the application",
        kmsKeyId: key.arn,
        recoveryWindowInDays: 30,
    });
    new aws.secretsmanager.SecretRotation("app-api-key-rotation", {
        secretId: apiKey.id,
        // The rotation function is deployed from the Secrets Manager rotation templates, outside this stack.
        rotationLambdaArn: `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:app-api-key-rotation`,
        rotationRules: { automaticallyAfterDays: 90 },
    });
    new aws.ssm.Parameter("app-webhook-token", {
        name: "/app/prod/webhook-token",
        type: "SecureString",
        keyId: key.arn,
        // A placeholder: the real token is written out of band (aws ssm put-parameter), so later runs ignore the value.
        value: pulumi.secret("placeholder"),
    }, { ignoreChanges: ["value"] });

    const trailBucket = logBucket("app-trail-logs", [{
        sid: "AllowCloudTrail",
        principal: { Service: "cloudtrail.amazonaws.com" },
        prefix: `AWSLogs/${ACCOUNT_ID}`,
        conditions: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
    }]);
    new aws.cloudtrail.Trail("app-trail", {
        s3BucketName: trailBucket.bucket,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
    });

    new aws.budgets.Budget("app-budget", {
        budgetType: "COST",
        timeUnit: "MONTHLY",
        limitAmount: "500",
        limitUnit: "USD",
        notifications: [50, 80, 100].map((threshold) => ({
            threshold,
            thresholdType: "PERCENTAGE",
            comparisonOperator: "GREATER_THAN",
            notificationType: threshold === 100 ? "FORECASTED" : "ACTUAL",
            subscriberEmailAddresses: ["platform-team@example.com"],
        })),
    });
    return { key, apiKey };
}
