import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The MSK brokers get public addresses, accept plain-text clients and log nowhere",
    violations: [
        ["aws-msk-disallow-public-access", "app-kafka"],
        ["aws-msk-require-encryption-in-transit", "app-kafka"],
        ["aws-msk-require-broker-logs", "app-kafka"],
    ],
    patches: [patch<aws.msk.ClusterArgs>("aws:msk/cluster:Cluster", "app-kafka", (a) => {
        a.brokerNodeGroupInfo = { ...(a.brokerNodeGroupInfo as aws.types.input.msk.ClusterBrokerNodeGroupInfo), connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } } };
        a.encryptionInfo = { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT" } };
        delete a.loggingInfo;
    })],
});
