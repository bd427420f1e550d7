import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The Redis cache takes no automatic snapshots",
    violations: [["aws-elasticache-require-snapshot-retention", "app-cache"]],
    patches: [patch<aws.elasticache.ReplicationGroupArgs>("aws:elasticache/replicationGroup:ReplicationGroup", "app-cache", (a) => {
        a.snapshotRetentionLimit = 0;
        delete a.snapshotWindow;
    })],
});
