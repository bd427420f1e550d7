import type * as aws from "@pulumi/aws";

export const T = "aws:msk/cluster:Cluster";

/** A compliant MSK cluster: TLS only, private brokers, broker logs to CloudWatch Logs. */
export const cluster: aws.msk.ClusterArgs = {
    kafkaVersion: "3.6.0",
    numberOfBrokerNodes: 3,
    brokerNodeGroupInfo: {
        instanceType: "kafka.m7g.large",
        clientSubnets: ["subnet-a", "subnet-b", "subnet-c"],
        securityGroups: ["sg-kafka"],
        connectivityInfo: { publicAccess: { type: "DISABLED" } },
    },
    encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
    loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "/aws/msk/events" } } },
};

export const brokers = cluster.brokerNodeGroupInfo as aws.types.input.msk.ClusterBrokerNodeGroupInfo;
