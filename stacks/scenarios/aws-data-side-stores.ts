import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "Stores added in a hurry: a DocumentDB cluster and an EFS file system left at their defaults (unencrypted, 1 day of backups, no backup policy, in no backup plan), a queue with encryption turned off and no backlog alarm, an unencrypted EBS volume",
    violations: [
        ["aws-docdb-require-storage-encryption", "catalog-docs"],
        ["aws-docdb-require-backup-retention", "catalog-docs"],
        ["aws-docdb-require-log-exports", "catalog-docs"],
        ["aws-backup-require-plan", "catalog-docs"],
        ["aws-efs-require-encryption", "shared-files"],
        ["aws-efs-require-backup-policy", "shared-files"],
        ["aws-backup-require-plan", "shared-files"],
        ["aws-sqs-require-encryption", "jobs-queue"],
        ["aws-cloudwatch-require-queue-alarms", "jobs-queue"],
        ["aws-ebs-require-encryption", "scratch-volume"],
        ["aws-backup-require-plan", "scratch-volume"],
    ],
    extra: () => {
        new aws.docdb.Cluster("catalog-docs", { engine: "docdb", masterUsername: "catalog", manageMasterUserPassword: true, deletionProtection: true });
        new aws.efs.FileSystem("shared-files", { performanceMode: "generalPurpose" });
        new aws.sqs.Queue("jobs-queue", { sqsManagedSseEnabled: false });
        new aws.ebs.Volume("scratch-volume", { availabilityZone: "us-east-1a", size: 50, type: "gp3" });
    },
});
