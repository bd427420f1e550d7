import * as aws from "@pulumi/aws";
import { included } from "../../scenario";
import type { Data } from "./data";
import type { Network } from "./network";

/** A rotated key that envelope-encrypts the EKS cluster's Kubernetes secrets. */
function platformSecretsKey(): aws.kms.Key {
    return new aws.kms.Key("app-platform-secrets-key", {
        description: "Kubernetes secrets of the platform cluster",
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
    });
}

/** A role that one AWS service assumes, with one managed policy attached. */
function serviceRole(name: string, service: string, policyArn?: string): aws.iam.Role {
    const role = new aws.iam.Role(name, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
        }),
    });
    if (policyArn) {
        new aws.iam.RolePolicyAttachment(`${name}-policy`, { role: role.name, policyArn });
    }
    return role;
}

/**
 * The analytics side of the service, all private and encrypted at rest and in transit: a Redshift
 * warehouse (TLS-only parameter group, audit logs, 35 days of snapshots), a Kinesis stream of
 * events, a Firehose stream archiving them to the uploads bucket, a Neptune graph, a DAX
 * accelerator for the sessions table, an MSK cluster whose broker logs go to Firehose, a MemoryDB
 * cluster for carts, and the EKS cluster that runs the platform (private API endpoint, audit logs).
 */
export function analytics(net: Network, stores: Data): void {
    const subnetIds = net.privateSubnets.map((s) => s.id);
    const securityGroup = new aws.ec2.SecurityGroup("app-analytics-sg", {
        vpcId: net.vpc.id,
        description: "Analytics stores, from the service only",
        ingress: [5439, 8182, 8111, 9098, 6379].map((port) => ({
            protocol: "tcp", fromPort: port, toPort: port, securityGroups: [net.serviceSecurityGroup.id], description: `Port ${port} from the service`,
        })),
    });
    const securityGroupIds = [securityGroup.id];

    // Redshift
    const warehouseSubnets = new aws.redshift.SubnetGroup("app-warehouse-subnets", { subnetIds });
    const warehouseParameters = new aws.redshift.ParameterGroup("app-warehouse-params", {
        family: "redshift-2.0",
        description: "TLS-only connections and user activity logging",
        parameters: [{ name: "require_ssl", value: "true" }, { name: "enable_user_activity_logging", value: "true" }],
    });
    const warehouse = new aws.redshift.Cluster("app-warehouse", {
        clusterIdentifier: "app-warehouse",
        nodeType: "ra3.xlplus",
        clusterType: "multi-node",
        numberOfNodes: 2,
        databaseName: "analytics",
        masterUsername: "analytics",
        manageMasterPassword: true,
        clusterSubnetGroupName: warehouseSubnets.name,
        clusterParameterGroupName: warehouseParameters.name,
        vpcSecurityGroupIds: securityGroupIds,
        publiclyAccessible: false,
        encrypted: "true",
        automatedSnapshotRetentionPeriod: 35,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "app-warehouse-final",
    });
    if (included("app-warehouse-logging")) {
        new aws.redshift.Logging("app-warehouse-logging", {
            clusterIdentifier: warehouse.clusterIdentifier,
            logDestinationType: "cloudwatch",
            logExports: ["connectionlog", "userlog", "useractivitylog"],
        });
    }

    // Kinesis and Firehose
    new aws.kinesis.Stream("app-events", {
        streamModeDetails: { streamMode: "ON_DEMAND" },
        retentionPeriod: 168,
        encryptionType: "KMS",
        kmsKeyId: "alias/aws/kinesis",
    });
    const archive = new aws.kinesis.FirehoseDeliveryStream("app-events-archive", {
        destination: "extended_s3",
        extendedS3Configuration: {
            roleArn: serviceRole("app-firehose-role", "firehose.amazonaws.com").arn,
            bucketArn: stores.bucket.arn,
            prefix: "archive/",
        },
        serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
    });

    // Neptune
    const graphSubnets = new aws.neptune.SubnetGroup("app-graph-subnets", { subnetIds });
    const graph = new aws.neptune.Cluster("app-graph", {
        engine: "neptune",
        neptuneSubnetGroupName: graphSubnets.name,
        vpcSecurityGroupIds: securityGroupIds,
        iamDatabaseAuthenticationEnabled: true,
        storageEncrypted: true,
        backupRetentionPeriod: 35,
        preferredBackupWindow: "03:00-04:00",
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "app-graph-final",
        enableCloudwatchLogsExports: ["audit"],
    });
    [0, 1].forEach((i) => new aws.neptune.ClusterInstance(`app-graph-${i}`, {
        clusterIdentifier: graph.id,
        engine: "neptune",
        instanceClass: "db.r6g.large",
        publiclyAccessible: false,
    }));

    // DAX in front of the sessions table
    const daxSubnets = new aws.dax.SubnetGroup("app-sessions-accelerator-subnets", { subnetIds });
    new aws.dax.Cluster("app-sessions-accelerator", {
        clusterName: "app-sessions",
        iamRoleArn: serviceRole("app-dax-role", "dax.amazonaws.com", "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess").arn,
        nodeType: "dax.r5.large",
        replicationFactor: 3,
        subnetGroupName: daxSubnets.name,
        securityGroupIds,
        serverSideEncryption: { enabled: true },
        clusterEndpointEncryptionType: "TLS",
    });

    // MSK
    new aws.msk.Cluster("app-kafka", {
        kafkaVersion: "3.6.0",
        numberOfBrokerNodes: 3,
        brokerNodeGroupInfo: {
            instanceType: "kafka.m7g.large",
            clientSubnets: subnetIds,
            securityGroups: securityGroupIds,
            connectivityInfo: { publicAccess: { type: "DISABLED" } },
        },
        clientAuthentication: { sasl: { iam: true } },
        encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
        loggingInfo: { brokerLogs: { firehose: { enabled: true, deliveryStream: archive.name } } },
    });

    // MemoryDB
    const cartsUser = new aws.memorydb.User("app-carts-user", {
        userName: "app",
        accessString: "on ~cart:* +@all",
        authenticationMode: { type: "iam" },
    });
    const cartsAcl = new aws.memorydb.Acl("app-carts-acl", { userNames: [cartsUser.userName] });
    const cartsSubnets = new aws.memorydb.SubnetGroup("app-carts-subnets", { subnetIds });
    new aws.memorydb.Cluster("app-carts", {
        aclName: cartsAcl.name,
        nodeType: "db.r7g.large",
        numShards: 1,
        numReplicasPerShard: 1,
        subnetGroupName: cartsSubnets.name,
        securityGroupIds,
        tlsEnabled: true,
        snapshotRetentionLimit: 7,
    });

    // EKS
    new aws.eks.Cluster("app-platform", {
        roleArn: serviceRole("app-platform-role", "eks.amazonaws.com", "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy").arn,
        version: "1.31",
        vpcConfig: { subnetIds, endpointPrivateAccess: true, endpointPublicAccess: false },
        enabledClusterLogTypes: ["api", "audit", "authenticator"],
        encryptionConfig: { resources: ["secrets"], provider: { keyArn: platformSecretsKey().arn } },
    });
}
