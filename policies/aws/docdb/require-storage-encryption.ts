import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey, requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { bool } from "../../lib/values";

export default resourcePolicy({
    name: "aws-docdb-require-storage-encryption",
    description: "DocumentDB clusters encrypt their storage, snapshots and backups at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set storageEncrypted: true (and kmsKeyId for a customer managed key).",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        const where = `DocumentDB cluster '${name}'`;
        requireTrue(props.storageEncrypted, where, "storageEncrypted", "which AWS leaves unencrypted", "set storageEncrypted: true", report);
        if (config.requireCustomerManagedKey && bool(props.storageEncrypted) === true) {
            requireCustomerManagedKey(props, "kmsKeyId", where, "aws/rds", report);
        }
    },
});
