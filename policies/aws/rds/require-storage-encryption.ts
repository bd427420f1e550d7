import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-rds-require-storage-encryption",
    description: "RDS instances and Aurora clusters encrypt their storage, snapshots and backups at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set storageEncrypted: true (and kmsKeyId for a customer managed key). Existing unencrypted databases are migrated through an encrypted snapshot copy.",
    tags: ["encryption"],
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, _config, report) => {
        const where = `${type === "aws:rds/cluster:Cluster" ? "RDS cluster" : "RDS instance"} '${name}'`;
        requireTrue(props.storageEncrypted, where, "storageEncrypted", "which AWS leaves unencrypted", "set storageEncrypted: true", report);
    },
});
