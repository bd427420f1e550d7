import { requireCustomerManagedKey } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-secretsmanager-require-customer-managed-key",
    description: "Secrets Manager secrets are encrypted with a customer-managed KMS key (kmsKeyId), so reading a secret also needs the key policy's consent and every decryption is logged against a key the team controls, not the AWS managed key aws/secretsmanager that any principal with secretsmanager:GetSecretValue may use.",
    priority: "P2",
    severity: "low",
    checklist: ["003.security.data-encryption", "004.data-security.encryption-at-rest"],
    remediationSteps: "Set kmsKeyId to the ARN (or alias) of a customer-managed KMS key with rotation on, and grant kms:Decrypt only to the roles that read the secret.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: {
            type: "boolean", default: true,
            description: "Require a customer-managed key. Default true: 003 and 004 ask for data encrypted at rest, and a secret's key is the one control besides its resource policy; false accepts the AWS managed key aws/secretsmanager.",
        },
    },
    resourceTypes: ["aws:secretsmanager/secret:Secret"],
    validate: ({ name, props }, config, report) => {
        if (!config.requireCustomerManagedKey) {
            return;
        }
        requireCustomerManagedKey(props, "kmsKeyId", `secret '${name}'`, "aws/secretsmanager", report);
    },
});
