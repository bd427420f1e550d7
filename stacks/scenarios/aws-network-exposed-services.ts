import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "Managed services left on their public defaults: a DMS replication instance without publiclyAccessible, a public ActiveMQ broker without logs, and an OpenSearch domain outside the VPC on three nodes in one zone without logs",
    violations: [
        ["aws-dms-disallow-public-access", "orders-migration"],
        ["aws-mq-disallow-public-access", "orders-events"],
        ["aws-mq-require-logs", "orders-events"],
        ["aws-opensearch-require-vpc", "catalog-search"],
        ["aws-opensearch-require-zone-awareness", "catalog-search"],
        ["aws-opensearch-require-log-publishing", "catalog-search"],
    ],
    extra: () => {
        new aws.dms.ReplicationInstance("orders-migration", {
            replicationInstanceId: "orders-migration",
            replicationInstanceClass: "dms.t3.medium",
            allocatedStorage: 50,
            multiAz: true,
        });
        new aws.mq.Broker("orders-events", {
            brokerName: "orders-events",
            engineType: "ActiveMQ",
            engineVersion: "5.18",
            hostInstanceType: "mq.m5.large",
            deploymentMode: "ACTIVE_STANDBY_MULTI_AZ",
            publiclyAccessible: true,
            users: [{ username: "orders", password: "stand-in-password-from-config" }],
        });
        new aws.opensearch.Domain("catalog-search", {
            engineVersion: "OpenSearch_2.13",
            clusterConfig: { instanceType: "r6g.large.search", instanceCount: 3 },
            ebsOptions: { ebsEnabled: true, volumeSize: 100, volumeType: "gp3" },
            encryptAtRest: { enabled: true },
            nodeToNodeEncryption: { enabled: true },
            domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
        });
    },
});
