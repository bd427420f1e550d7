import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-neptune-require-storage-encryption",
    description: "Neptune clusters encrypt their storage, snapshots and backups at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set storageEncrypted: true (and kmsKeyArn for a customer managed key). An unencrypted cluster is migrated by restoring an encrypted copy of a snapshot.",
    tags: ["encryption"],
    resourceTypes: ["aws:neptune/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        requireTrue(props.storageEncrypted, `Neptune cluster '${name}'`, "storageEncrypted", "which Neptune leaves unencrypted", "set storageEncrypted: true", report);
    },
});
