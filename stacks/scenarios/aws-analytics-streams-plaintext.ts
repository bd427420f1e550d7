import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The event stream, its archive, the DAX accelerator and the carts cluster store or serve data unencrypted",
    violations: [
        ["aws-kinesis-require-encryption", "app-events"],
        ["aws-firehose-require-encryption", "app-events-archive"],
        ["aws-dax-require-encryption-at-rest", "app-sessions-accelerator"],
        ["aws-dax-require-tls", "app-sessions-accelerator"],
        ["aws-memorydb-require-tls", "app-carts"],
    ],
    patches: [
        patch<aws.kinesis.StreamArgs>("aws:kinesis/stream:Stream", "app-events", (a) => {
            delete a.encryptionType;
            delete a.kmsKeyId;
        }),
        patch<aws.kinesis.FirehoseDeliveryStreamArgs>("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "app-events-archive", (a) => { delete a.serverSideEncryption; }),
        patch<aws.dax.ClusterArgs>("aws:dax/cluster:Cluster", "app-sessions-accelerator", (a) => {
            a.serverSideEncryption = { enabled: false };
            a.clusterEndpointEncryptionType = "NONE";
        }),
        patch<aws.memorydb.ClusterArgs>("aws:memorydb/cluster:Cluster", "app-carts", (a) => {
            a.aclName = "open-access";
            a.tlsEnabled = false;
        }),
    ],
});
