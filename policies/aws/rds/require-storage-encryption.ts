import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey, requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { bool, given, isDeclared, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-rds-require-storage-encryption",
    description: "RDS instances, Aurora clusters and Aurora global databases encrypt their storage, snapshots and backups at rest. Aurora Serverless v1 clusters (engineMode serverless) are always encrypted, and read replicas (replicateSourceDb) and global databases built from an existing cluster (sourceDbClusterIdentifier) take their source's encryption, so none of them is judged.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set storageEncrypted: true (with kmsKeyId on an instance or cluster for a customer managed key). Existing unencrypted databases are migrated through an encrypted snapshot copy.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:rds/globalCluster:GlobalCluster"],
    validate: ({ type, name, props }, config, report) => {
        const cluster = type === "aws:rds/cluster:Cluster";
        const global = type === "aws:rds/globalCluster:GlobalCluster";
        const inherited = cluster ? text(given(props.engineMode)) === "serverless"
            : isDeclared(props, global ? "sourceDbClusterIdentifier" : "replicateSourceDb");
        if (inherited) {
            return; // encrypted by the service, or by the source it replicates
        }
        const where = `${cluster ? "RDS cluster" : global ? "RDS global cluster" : "RDS instance"} '${name}'`;
        requireTrue(props.storageEncrypted, where, "storageEncrypted", "which AWS leaves unencrypted", "set storageEncrypted: true", report);
        // A global cluster names no key: its member clusters do.
        if (config.requireCustomerManagedKey && !global && bool(props.storageEncrypted) === true) {
            requireCustomerManagedKey(props, "kmsKeyId", where, "aws/rds", report);
        }
    },
});
