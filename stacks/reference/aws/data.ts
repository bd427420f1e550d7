import * as aws from "@pulumi/aws";
import type { Network } from "./network";

export interface Data {
    database: aws.rds.Cluster;
    table: aws.dynamodb.Table;
}

/** PostgreSQL on Aurora with 30 days of backups, and a DynamoDB table with point-in-time recovery. */
export function data(net: Network): Data {
    const subnets = new aws.rds.SubnetGroup("app-db-subnets", { subnetIds: net.privateSubnets.map((s) => s.id) });
    const database = new aws.rds.Cluster("app-db", {
        engine: "aurora-postgresql",
        engineVersion: "16.4",
        databaseName: "app",
        masterUsername: "app",
        manageMasterUserPassword: true,
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [net.databaseSecurityGroup.id],
        storageEncrypted: true,
        backupRetentionPeriod: 30,
        preferredBackupWindow: "03:00-04:00",
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "app-db-final",
    });
    [0, 1].forEach((i) => new aws.rds.ClusterInstance(`app-db-${i}`, {
        clusterIdentifier: database.id,
        instanceClass: "db.r6g.large",
        engine: "aurora-postgresql",
        publiclyAccessible: false,
    }));
    const table = new aws.dynamodb.Table("app-sessions", {
        billingMode: "PAY_PER_REQUEST",
        hashKey: "id",
        attributes: [{ name: "id", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true },
        deletionProtectionEnabled: true,
    });
    return { database, table };
}
