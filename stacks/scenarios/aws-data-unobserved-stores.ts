import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "Data stores set up without their observability and key choices: the database exports no logs, one instance without Enhanced Monitoring and one on a retired CA, an unencrypted global database, a backup vault, registry and secret on AWS managed keys, and a One Zone file system",
    violations: [
        ["aws-rds-require-log-exports", "app-db"],
        ["aws-rds-require-enhanced-monitoring", "app-db-0"],
        ["aws-rds-require-current-ca", "app-db-1"],
        ["aws-rds-require-storage-encryption", "app-global"],
        ["aws-backup-require-vault-customer-key", "app-backups"],
        ["aws-ecr-require-kms-encryption", "app-api-repo"],
        ["aws-secretsmanager-require-customer-managed-key", "app-api-key"],
        ["aws-efs-disallow-one-zone", "scratch-files"],
    ],
    patches: [
        patch<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", "app-db", (a) => { delete a.enabledCloudwatchLogsExports; }),
        patch<aws.rds.ClusterInstanceArgs>("aws:rds/clusterInstance:ClusterInstance", "app-db-0", (a) => { a.monitoringInterval = 0; }),
        patch<aws.rds.ClusterInstanceArgs>("aws:rds/clusterInstance:ClusterInstance", "app-db-1", (a) => { a.caCertIdentifier = "rds-ca-2019"; }),
        patch<aws.backup.VaultArgs>("aws:backup/vault:Vault", "app-backups", (a) => { delete a.kmsKeyArn; }),
        patch<aws.ecr.RepositoryArgs>("aws:ecr/repository:Repository", "app-api-repo", (a) => { delete a.encryptionConfigurations; }),
        patch<aws.secretsmanager.SecretArgs>("aws:secretsmanager/secret:Secret", "app-api-key", (a) => { delete a.kmsKeyId; }),
    ],
    extra: () => {
        // A global database for a second region, created without encryption.
        new aws.rds.GlobalCluster("app-global", { globalClusterIdentifier: "app-global", engine: "aurora-postgresql", engineVersion: "16.4", deletionProtection: true });
        // Scratch space for batch jobs in one zone, otherwise production-ready (encrypted, backed up).
        const files = new aws.efs.FileSystem("scratch-files", { availabilityZoneName: "us-east-1a", encrypted: true, tags: { backup: "daily" } });
        new aws.efs.BackupPolicy("scratch-files-backup", { fileSystemId: files.id, backupPolicy: { status: "ENABLED" } });
    },
});
