import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { describeType, given, isDeclared, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-kinesis-require-encryption",
    description: "Kinesis data streams encrypt records at rest with a KMS key (encryptionType KMS with kmsKeyId).",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set encryptionType: \"KMS\" and kmsKeyId (\"alias/aws/kinesis\" for the AWS managed key, or a customer managed key).",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: ["aws:kinesis/stream:Stream"],
    validate: ({ name, props }, config, report) => {
        const where = `Kinesis stream '${name}'`;
        const value = given(props.encryptionType);
        if (value === undefined) {
            report(`${where} omits encryptionType, so Kinesis stores records unencrypted (NONE): set encryptionType: "KMS" and kmsKeyId.`);
            return;
        }
        const type = text(value);
        if (type === undefined) {
            report(`${where} sets encryptionType to ${describeType(value)}, not a string: set it to "KMS" with kmsKeyId.`);
        } else if (type !== "KMS") {
            report(`${where} sets encryptionType to "${type}", which stores records unencrypted: set it to "KMS" with kmsKeyId.`);
        } else if (!isDeclared(props, "kmsKeyId")) {
            report(`${where} sets encryptionType "KMS" without kmsKeyId, which Kinesis rejects: set kmsKeyId ("alias/aws/kinesis" for the AWS managed key).`);
        } else if (config.requireCustomerManagedKey) {
            requireCustomerManagedKey(props, "kmsKeyId", where, "aws/kinesis", report);
        }
    },
});
