import { resourcePolicy } from "../../lib/define";
import { isDeclared, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-backup-require-vault-customer-key",
    description: "AWS Backup vaults encrypt their recovery points with a customer-managed KMS key (kmsKeyArn), so who may decrypt and restore the backups is set by a key policy the team controls and audits, not by the AWS managed key aws/backup that every backup operator of the account can use.",
    priority: "P2",
    severity: "low",
    checklist: ["004.database-backups.backups-encrypted", "002.compliance-verification.backup-security"],
    remediationSteps: "Set kmsKeyArn to the ARN of a customer-managed KMS key (with rotation on) whose key policy lets AWS Backup use it; the key of a vault is chosen at creation, so this replaces an empty vault.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: {
            type: "boolean", default: true,
            description: "Require a customer-managed key. Default true: 004 asks for backups encrypted at rest with access to them restricted, and 002 for backup data security verified; false accepts the AWS managed key aws/backup.",
        },
    },
    resourceTypes: ["aws:backup/vault:Vault"],
    validate: ({ name, props }, config, report) => {
        if (!config.requireCustomerManagedKey) {
            return;
        }
        // A key created in the same program has an ARN unknown during preview: it is set all the same.
        if (!isDeclared(props, "kmsKeyArn")) {
            report(`backup vault '${name}' sets no kmsKeyArn, so its recovery points are encrypted with the AWS managed key aws/backup: set kmsKeyArn to a customer-managed KMS key.`);
        } else if (/(^|:)alias\/aws\//.test(text(Object.getOwnPropertyDescriptor(props, "kmsKeyArn")?.value) ?? "")) {
            report(`backup vault '${name}' sets kmsKeyArn to an AWS managed key alias: set it to a customer-managed KMS key.`);
        }
    },
});
