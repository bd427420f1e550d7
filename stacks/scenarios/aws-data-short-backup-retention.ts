import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "Aurora keeps automated backups for 7 days only",
    violations: [["aws-rds-require-backup-retention", "app-db"]],
    patches: [patch<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", "app-db", (a) => { a.backupRetentionPeriod = 7; })],
});
