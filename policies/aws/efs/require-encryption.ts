import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey, requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { bool } from "../../lib/values";

export default resourcePolicy({
    name: "aws-efs-require-encryption",
    description: "EFS file systems are encrypted at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "003.infrastructure.persistent-storage"],
    remediationSteps: "Set encrypted: true (and kmsKeyId for a customer managed key); encryption is chosen at creation, so this replaces the file system.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: ["aws:efs/fileSystem:FileSystem"],
    validate: ({ name, props }, config, report) => {
        const where = `EFS file system '${name}'`;
        requireTrue(props.encrypted, where, "encrypted", "which the API leaves unencrypted", "set encrypted: true", report);
        if (config.requireCustomerManagedKey && bool(props.encrypted) === true) {
            requireCustomerManagedKey(props, "kmsKeyId", where, "aws/elasticfilesystem", report);
        }
    },
});
