import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { knownOr } from "../../lib/unknowns";
import { describeType, isDeclared, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-sns-require-encryption",
    description: "SNS topics encrypt messages at rest with a KMS key (topics are unencrypted by default).",
    priority: "P1",
    severity: "medium",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set kmsMasterKeyId to a KMS key id, ARN or alias (\"alias/aws/sns\" for the AWS managed key).",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: ["aws:sns/topic:Topic"],
    validate: ({ name, props }, config, report) => {
        // A key created in the same program has an id unknown during preview: it is set, and a string.
        if (!isDeclared(props, "kmsMasterKeyId")) {
            report(`SNS topic '${name}' sets no kmsMasterKeyId, so messages are stored unencrypted: set kmsMasterKeyId, e.g. "alias/aws/sns".`);
        } else if (knownOr(() => text(props.kmsMasterKeyId) === undefined, false)) {
            report(`SNS topic '${name}' sets kmsMasterKeyId to ${describeType(props.kmsMasterKeyId)}, not a key id: set it to a KMS key id, ARN or alias.`);
        } else if (config.requireCustomerManagedKey) {
            requireCustomerManagedKey(props, "kmsMasterKeyId", `SNS topic '${name}'`, "aws/sns", report);
        }
    },
});
