import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-docdb-require-storage-encryption",
    description: "DocumentDB clusters encrypt their storage, snapshots and backups at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set storageEncrypted: true (and kmsKeyId for a customer managed key).",
    tags: ["encryption"],
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        requireTrue(props.storageEncrypted, `DocumentDB cluster '${name}'`, "storageEncrypted", "which AWS leaves unencrypted", "set storageEncrypted: true", report);
    },
});
