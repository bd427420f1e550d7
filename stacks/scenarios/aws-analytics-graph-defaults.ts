import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The Neptune graph is left unencrypted (the default), keeps backups 7 days, exports no audit log and one instance is publicly accessible",
    violations: [
        ["aws-neptune-require-storage-encryption", "app-graph"],
        ["aws-neptune-require-backup-retention", "app-graph"],
        ["aws-neptune-require-audit-logs", "app-graph"],
        ["aws-neptune-disallow-public-access", "app-graph-1"],
    ],
    patches: [
        patch<aws.neptune.ClusterArgs>("aws:neptune/cluster:Cluster", "app-graph", (a) => {
            delete a.storageEncrypted;
            a.backupRetentionPeriod = 7;
            delete a.enableCloudwatchLogsExports;
        }),
        patch<aws.neptune.ClusterInstanceArgs>("aws:neptune/clusterInstance:ClusterInstance", "app-graph-1", (a) => { a.publiclyAccessible = true; }),
    ],
});
