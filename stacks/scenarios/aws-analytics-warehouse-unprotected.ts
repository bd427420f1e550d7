import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The Redshift warehouse is unencrypted, keeps automated snapshots 1 day (the default) and has no audit logging",
    violations: [
        ["aws-redshift-require-encryption", "app-warehouse"],
        ["aws-redshift-require-snapshot-retention", "app-warehouse"],
        ["aws-redshift-require-audit-logging", "app-warehouse"],
    ],
    omit: ["app-warehouse-logging"],
    patches: [patch<aws.redshift.ClusterArgs>("aws:redshift/cluster:Cluster", "app-warehouse", (a) => {
        a.encrypted = "false";
        delete a.automatedSnapshotRetentionPeriod;
    })],
});
