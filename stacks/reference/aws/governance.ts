import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { included } from "../../scenario";
import { ACCOUNT_ID } from "./account";
import { trailDelivery } from "./audit-logs";

/** The bucket that receives every other bucket's S3 server access logs (accessLogsBucket below). */
export const ACCESS_LOGS_BUCKET = `app-access-logs-${ACCOUNT_ID}`;

/** Who may write logs to a log bucket, and under which prefix. */
export interface LogWriter {
    sid: string;
    principal: Record<string, string>;
    prefix: string;
    conditions?: Record<string, unknown>;
}

export interface LogBucket {
    bucket: aws.s3.Bucket;
    /** Writers depend on it: the services check their access when logging is turned on. */
    policy: aws.s3.BucketPolicy;
}

/**
 * A private log bucket: encrypted (SSE-S3, which ELB access logs require), versioned with old
 * versions expired, public access blocked, and a policy that lets `writers` put objects under
 * `prefix` and denies every request made without TLS.
 */
export function logBucket(name: string, writers: LogWriter[]): LogBucket {
    // A fixed name keeps the bucket policy's ARNs known at preview, so the policy can be reviewed there.
    const bucketName = `${name}-${ACCOUNT_ID}`;
    const arn = `arn:aws:s3:::${bucketName}`;
    const bucket = new aws.s3.Bucket(name, { bucket: bucketName, forceDestroy: false });
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
    if (bucketName !== ACCESS_LOGS_BUCKET) {
        new aws.s3.BucketLogging(`${name}-access-logging`, { bucket: bucket.id, targetBucket: ACCESS_LOGS_BUCKET, targetPrefix: `s3/${name}/` });
    }
    const policy = new aws.s3.BucketPolicy(`${name}-policy`, {
        bucket: bucket.id,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                ...writers.map((w) => ({
                    Sid: w.sid,
                    Effect: "Allow",
                    Principal: w.principal,
                    Action: "s3:PutObject",
                    Resource: `${arn}/${w.prefix}/*`,
                    ...(w.conditions ? { Condition: w.conditions } : {}),
                })),
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [arn, `${arn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        }),
    });
    return { bucket, policy };
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
    if (included("app-api-key-rotation")) {
        new aws.secretsmanager.SecretRotation("app-api-key-rotation", {
            secretId: apiKey.id,
            // The rotation function is deployed from the Secrets Manager rotation templates, outside this stack.
            rotationLambdaArn: `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:app-api-key-rotation`,
            rotationRules: { automaticallyAfterDays: 30 },
        });
    }
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
        s3BucketName: trailBucket.bucket.bucket,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        ...trailDelivery(),
    }, { dependsOn: [trailBucket.policy] });

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

/**
 * The bucket that receives the S3 server access logs of every other bucket (each one's
 * BucketLogging names it by ACCESS_LOGS_BUCKET). It does not log itself: that would add a log object
 * for every log delivery.
 */
export function accessLogsBucket(): void {
    // logBucket names it `app-access-logs-<account>`, which is ACCESS_LOGS_BUCKET. S3 delivers access
    // logs as the logging service, only for this account's buckets.
    logBucket("app-access-logs", [{
        sid: "AllowS3ServerAccessLogs",
        principal: { Service: "logging.s3.amazonaws.com" },
        prefix: "s3",
        conditions: { StringEquals: { "aws:SourceAccount": ACCOUNT_ID } },
    }]);
}

/** Account guard rails for availability and encryption: EBS encryption by default in the stack's region. */
export function encryptionByDefault(): void {
    new aws.ebs.EncryptionByDefault("app-ebs-encryption-by-default", { enabled: true });
}
