import * as aws from "@pulumi/aws";
import { included } from "../../scenario";
import { ACCOUNT_ID } from "./account";
import { ACCESS_LOGS_BUCKET } from "./governance";
import type { Network } from "./network";

export interface Data {
    database: aws.rds.Cluster;
    table: aws.dynamodb.Table;
    cache: aws.elasticache.ReplicationGroup;
    bucket: aws.s3.Bucket;
}

/** The region that holds the backup copies, away from the primary region. */
export const DR_REGION = "us-west-2";

/** The role RDS Enhanced Monitoring publishes its operating-system metrics with. */
function rdsMonitoringRole(): aws.iam.Role {
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
function cacheUserGroup(): aws.elasticache.UserGroup {
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
function backupVaultKey(name: string, region?: string): aws.kms.Key {
    return new aws.kms.Key(name, {
        description: "Recovery points of the AWS Backup vault",
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
        ...(region ? { region } : {}),
    });
}

/**
 * PostgreSQL on Aurora (encrypted, TLS only, 30 days of backups), a DynamoDB table with
 * point-in-time recovery, a Redis cache encrypted at rest and in transit, a private S3 bucket for
 * uploads, and an AWS Backup plan that copies the database and table backups to another region.
 */
export function data(net: Network): Data {
    const subnets = new aws.rds.SubnetGroup("app-db-subnets", { subnetIds: net.privateSubnets.map((s) => s.id) });
    const dbParameters = new aws.rds.ClusterParameterGroup("app-db-params", {
        family: "aurora-postgresql16",
        description: "TLS-only connections for the app database",
        parameters: [{ name: "rds.force_ssl", value: "1" }],
    });
    const database = new aws.rds.Cluster("app-db", {
        engine: "aurora-postgresql",
        engineVersion: "16.4",
        databaseName: "app",
        masterUsername: "app",
        manageMasterUserPassword: true,
        dbSubnetGroupName: subnets.name,
        dbClusterParameterGroupName: dbParameters.name,
        vpcSecurityGroupIds: [net.databaseSecurityGroup.id],
        storageEncrypted: true,
        backupRetentionPeriod: 30,
        preferredBackupWindow: "03:00-04:00",
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "app-db-final",
        enabledCloudwatchLogsExports: ["postgresql"],
        tags: BACKUP_TAG,
    });
    const monitoringRole = rdsMonitoringRole();
    [0, 1].forEach((i) => new aws.rds.ClusterInstance(`app-db-${i}`, {
        clusterIdentifier: database.id,
        instanceClass: "db.r6g.large",
        engine: "aurora-postgresql",
        publiclyAccessible: false,
        monitoringInterval: 60,
        monitoringRoleArn: monitoringRole.arn,
    }));
    const table = new aws.dynamodb.Table("app-sessions", {
        billingMode: "PAY_PER_REQUEST",
        hashKey: "id",
        attributes: [{ name: "id", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true },
        deletionProtectionEnabled: true,
        tags: BACKUP_TAG,
    });

    const cacheSubnets = new aws.elasticache.SubnetGroup("app-cache-subnets", { subnetIds: net.privateSubnets.map((s) => s.id) });
    const cacheSecurityGroup = new aws.ec2.SecurityGroup("app-cache-sg", {
        vpcId: net.vpc.id,
        description: "Redis from the service only",
        ingress: [{ protocol: "tcp", fromPort: 6379, toPort: 6379, securityGroups: [net.serviceSecurityGroup.id], description: "From the service" }],
    });
    // 004 asks for a deliberate maxmemory policy: a full cache evicts the least recently used keys.
    const cacheParameters = new aws.elasticache.ParameterGroup("app-cache-params", {
        family: "redis7",
        description: "Session and response cache: evict least recently used keys",
        parameters: [{ name: "maxmemory-policy", value: "allkeys-lru" }],
    });
    const cache = new aws.elasticache.ReplicationGroup("app-cache", {
        description: "Session and response cache",
        engine: "redis",
        engineVersion: "7.1",
        nodeType: "cache.r7g.large",
        numCacheClusters: 2,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        subnetGroupName: cacheSubnets.name,
        parameterGroupName: cacheParameters.name,
        securityGroupIds: [cacheSecurityGroup.id],
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true,
        transitEncryptionMode: "required",
        userGroupIds: [cacheUserGroup().id],
        snapshotRetentionLimit: 7,
        snapshotWindow: "04:00-05:00",
    });

    const bucket = uploadsBucket();
    backups();
    return { database, table, cache, bucket };
}

/** User uploads: KMS-encrypted, versioned, private, TLS only. */
function uploadsBucket(): aws.s3.Bucket {
    // A fixed name keeps the bucket policy's ARNs known at preview.
    const name = `app-uploads-${ACCOUNT_ID}`;
    const arn = `arn:aws:s3:::${name}`;
    const bucket = new aws.s3.Bucket("app-uploads", { bucket: name });
    if (included("app-uploads-encryption")) {
        new aws.s3.BucketServerSideEncryptionConfiguration("app-uploads-encryption", {
            bucket: bucket.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }],
        });
    }
    if (included("app-uploads-access-logging")) {
        new aws.s3.BucketLogging("app-uploads-access-logging", { bucket: bucket.id, targetBucket: ACCESS_LOGS_BUCKET, targetPrefix: "s3/app-uploads/" });
    }
    new aws.s3.BucketVersioning("app-uploads-versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new aws.s3.BucketLifecycleConfiguration("app-uploads-lifecycle", {
        bucket: bucket.id,
        rules: [{ id: "expire-old-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
    });
    new aws.s3.BucketPublicAccessBlock("app-uploads-public-access", {
        bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new aws.s3.BucketPolicy("app-uploads-policy", {
        bucket: bucket.id,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [arn, `${arn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }],
        }),
    });
    return bucket;
}

/** The tag that puts a store in the daily AWS Backup plan. */
const BACKUP_TAG = { backup: "daily" };

/** A daily AWS Backup plan kept 35 days, with each recovery point copied to a vault in DR_REGION; it selects stores by BACKUP_TAG. */
function backups(): void {
    const vault = new aws.backup.Vault("app-backups", { kmsKeyArn: backupVaultKey("app-backups-key").arn });
    const drVault = new aws.backup.Vault("app-backups-dr", { region: DR_REGION, kmsKeyArn: backupVaultKey("app-backups-dr-key", DR_REGION).arn });
    // Vault locks: no one deletes a recovery point before its retention ends (004: access to backups restricted).
    if (included("app-backups-lock")) {
        new aws.backup.VaultLockConfiguration("app-backups-lock", { backupVaultName: vault.name, minRetentionDays: 30, maxRetentionDays: 365 });
    }
    new aws.backup.VaultLockConfiguration("app-backups-dr-lock", { backupVaultName: drVault.name, minRetentionDays: 30, maxRetentionDays: 365, region: DR_REGION });
    const plan = new aws.backup.Plan("app-backup-plan", {
        rules: [{
            ruleName: "daily",
            targetVaultName: vault.name,
            schedule: "cron(0 5 * * ? *)",
            lifecycle: { deleteAfter: 35 },
            copyActions: [{ destinationVaultArn: drVault.arn, lifecycle: { deleteAfter: 35 } }],
        }],
    });
    const role = new aws.iam.Role("app-backup-role", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    new aws.iam.RolePolicyAttachment("app-backup-role-policy", {
        role: role.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    });
    if (included("app-backup-selection")) {
        new aws.backup.Selection("app-backup-selection", {
            planId: plan.id,
            iamRoleArn: role.arn,
            selectionTags: Object.entries(BACKUP_TAG).map(([key, value]) => ({ type: "STRINGEQUALS", key, value })),
        });
    }
}
