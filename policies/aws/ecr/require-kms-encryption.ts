import { resourcePolicy } from "../../lib/define";
import { describeType, given, list, record, text } from "../../lib/values";

/** The encryption types ECR offers: AES256 (its default, S3-managed keys), KMS and dual-layer KMS_DSSE. */
const TYPES = ["AES256", "KMS", "KMS_DSSE"] as const;

export default resourcePolicy({
    name: "aws-ecr-require-kms-encryption",
    description: "ECR repositories encrypt their images with KMS (encryptionConfigurations encryptionType KMS or KMS_DSSE), so access to the images can be audited and revoked with the key; ECR's default is AES256 with keys S3 manages.",
    priority: "P2",
    severity: "low",
    checklist: ["003.security.data-encryption", "004.data-security.encryption-at-rest"],
    remediationSteps: "Set encryptionConfigurations: [{ encryptionType: \"KMS\", kmsKey: <customer-managed key ARN> }] (the AWS managed key aws/ecr is used without kmsKey); encryption is chosen at creation, so this replaces the repository.",
    tags: ["encryption"],
    config: {
        allowedEncryptionTypes: {
            type: "array",
            items: { type: "string", enum: TYPES },
            default: ["KMS", "KMS_DSSE"],
            description: "The encryptionType values accepted. Default KMS and KMS_DSSE: 003 and 004 ask for data encrypted at rest, and with KMS the key's policy and CloudTrail show who pulls images; add AES256 to accept ECR's default.",
        },
    },
    resourceTypes: ["aws:ecr/repository:Repository"],
    validate: ({ name, props }, config, report) => {
        const allowed = config.allowedEncryptionTypes;
        const fix = `set encryptionConfigurations: [{ encryptionType: ${allowed.map((t) => `"${t}"`).join(" or ")} }]`;
        const configurations = given(props.encryptionConfigurations);
        const type = configurations === undefined ? undefined : given(record(list(configurations)[0])?.encryptionType);
        if (type === undefined) {
            if (!allowed.includes("AES256")) {
                report(`ECR repository '${name}' sets no encryptionType, so ECR encrypts its images with AES256: ${fix}.`);
            }
            return;
        }
        const value = text(type);
        if (value === undefined) {
            report(`ECR repository '${name}' sets encryptionType to ${describeType(type)}, not a string: ${fix}.`);
        } else if (!allowed.includes(value as (typeof TYPES)[number])) {
            report(`ECR repository '${name}' sets encryptionType "${value}", not one of ${allowed.join(", ")}: ${fix}.`);
        }
    },
});
