import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The database and the cache are left unencrypted, the cache also in transit",
    violations: [
        ["aws-rds-require-storage-encryption", "app-db"],
        ["aws-elasticache-require-encryption-at-rest", "app-cache"],
        ["aws-elasticache-require-encryption-in-transit", "app-cache"],
    ],
    patches: [
        patch<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", "app-db", (a) => { delete a.storageEncrypted; }),
        patch<aws.elasticache.ReplicationGroupArgs>("aws:elasticache/replicationGroup:ReplicationGroup", "app-cache", (a) => {
            a.atRestEncryptionEnabled = false;
            delete a.transitEncryptionEnabled;
            delete a.transitEncryptionMode;
        }),
    ],
});
