import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();

// The key's ARN is computed by AWS: unknown during preview.
const key = new aws.kms.Key("orders-db-key", { enableKeyRotation: true, deletionWindowInDays: 30 });
const subnets = new aws.rds.SubnetGroup("orders-db-subnets", { subnetIds: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"] });

export const endpoint = new aws.rds.Instance("orders-db", {
    engine: "postgres",
    engineVersion: "16.4",
    instanceClass: "db.m6g.large",
    allocatedStorage: 100,
    username: "orders",
    password: config.requireSecret("dbPassword"),
    dbSubnetGroupName: subnets.name,
    multiAz: true,
    storageEncrypted: true,
    kmsKeyId: key.arn,
    deletionProtection: true,
    backupRetentionPeriod: config.requireNumber("backupRetentionDays"),
    finalSnapshotIdentifier: "orders-db-final",
    tags: { team: "orders" },
}, { protect: true, ignoreChanges: ["engineVersion"] }).endpoint;
