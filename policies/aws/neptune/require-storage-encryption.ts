import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey } from "../../lib/aws";
import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { bool } from "../../lib/values";

export default resourcePolicy({
    name: "aws-neptune-require-storage-encryption",
    description: "Neptune clusters encrypt their storage, snapshots and backups at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set storageEncrypted: true (and kmsKeyArn for a customer managed key). An unencrypted cluster is migrated by restoring an encrypted copy of a snapshot.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: ["aws:neptune/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        const where = `Neptune cluster '${name}'`;
        requireTrue(props.storageEncrypted, where, "storageEncrypted", "which Neptune leaves unencrypted", "set storageEncrypted: true", report);
        if (config.requireCustomerManagedKey && bool(props.storageEncrypted) === true) {
            requireCustomerManagedKey(props, "kmsKeyArn", where, "aws/rds", report);
        }
    },
});
