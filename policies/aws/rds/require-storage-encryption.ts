import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-rds-require-storage-encryption",
    description: "RDS instances and Aurora clusters encrypt their storage, snapshots and backups at rest. Aurora Serverless v1 clusters (engineMode serverless) are always encrypted, and read replicas (replicateSourceDb) take their source's encryption, so neither is judged.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set storageEncrypted: true (and kmsKeyId for a customer managed key). Existing unencrypted databases are migrated through an encrypted snapshot copy.",
    tags: ["encryption"],
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, _config, report) => {
        const cluster = type === "aws:rds/cluster:Cluster";
        if (cluster ? text(given(props.engineMode)) === "serverless" : given(props.replicateSourceDb) !== undefined) {
            return; // encrypted by the service, or by the source it replicates
        }
        const where = `${cluster ? "RDS cluster" : "RDS instance"} '${name}'`;
        requireTrue(props.storageEncrypted, where, "storageEncrypted", "which AWS leaves unencrypted", "set storageEncrypted: true", report);
    },
});
