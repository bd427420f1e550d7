import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "A database instance is public, and the cluster can be deleted without a final snapshot",
    violations: [
        ["aws-rds-disallow-public-access", "app-db-0"],
        ["aws-rds-require-deletion-protection", "app-db"],
        ["aws-rds-require-final-snapshot", "app-db"],
    ],
    patches: [
        patch<aws.rds.ClusterInstanceArgs>("aws:rds/clusterInstance:ClusterInstance", "app-db-0", (a) => { a.publiclyAccessible = true; }),
        patch<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", "app-db", (a) => {
            a.deletionProtection = false;
            a.skipFinalSnapshot = true;
            delete a.finalSnapshotIdentifier;
        }),
    ],
});
