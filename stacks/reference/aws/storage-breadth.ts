import * as aws from "@pulumi/aws";
import { ACCOUNT_ID } from "./account";
import { logBucket } from "./governance";

/**
 * The bucket that receives the S3 server access logs of every other bucket (each one's
 * BucketLogging names it by ACCESS_LOGS_BUCKET). It does not log itself: that would add a log object
 * for every log delivery.
 */
export function storageBreadth(): void {
    // logBucket names it `app-access-logs-<account>`, which is ACCESS_LOGS_BUCKET. S3 delivers access
    // logs as the logging service, only for this account's buckets.
    logBucket("app-access-logs", [{
        sid: "AllowS3ServerAccessLogs",
        principal: { Service: "logging.s3.amazonaws.com" },
        prefix: "s3",
        conditions: { StringEquals: { "aws:SourceAccount": ACCOUNT_ID } },
    }]);
}

/** The role RDS Enhanced Monitoring publishes its operating-system metrics with. */
export function rdsMonitoringRole(): aws.iam.Role {
    const role = new aws.iam.Role("app-rds-monitoring", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    new aws.iam.RolePolicyAttachment("app-rds-monitoring-policy", {
        role: role.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
    });
    return role;
}

/**
 * The cache's users (Redis role-based access control): the default user disabled, and the API
 * authenticating with IAM, so no password lives in the program.
 */
export function cacheUserGroup(): aws.elasticache.UserGroup {
    const disabledDefault = new aws.elasticache.User("app-cache-default-user", {
        userId: "app-cache-default",
        userName: "default",
        engine: "redis",
        accessString: "off -@all",
        authenticationMode: { type: "no-password-required" },
    });
    const api = new aws.elasticache.User("app-cache-api-user", {
        userId: "app-api",
        userName: "app-api",
        engine: "redis",
        accessString: "on ~* +@all -@dangerous",
        authenticationMode: { type: "iam" },
    });
    return new aws.elasticache.UserGroup("app-cache-users", {
        userGroupId: "app-cache-users",
        engine: "redis",
        userIds: [disabledDefault.userId, api.userId],
    });
}

/** A customer-managed key for a backup vault, in the vault's region, rotated yearly. */
export function backupVaultKey(name: string, region?: string): aws.kms.Key {
    return new aws.kms.Key(name, {
        description: "Recovery points of the AWS Backup vault",
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
        ...(region ? { region } : {}),
    });
}
