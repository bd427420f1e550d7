import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-sns-require-encryption",
    description: "SNS topics encrypt messages at rest with a KMS key (topics are unencrypted by default).",
    priority: "P1",
    severity: "medium",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set kmsMasterKeyId to a KMS key id, ARN or alias (\"alias/aws/sns\" for the AWS managed key).",
    tags: ["encryption"],
    resourceTypes: ["aws:sns/topic:Topic"],
    validate: ({ name, props }, _config, report) => {
        const value = given(props.kmsMasterKeyId);
        if (value === undefined) {
            report(`SNS topic '${name}' sets no kmsMasterKeyId, so messages are stored unencrypted: set kmsMasterKeyId, e.g. "alias/aws/sns".`);
        } else if (text(value) === undefined) {
            report(`SNS topic '${name}' sets kmsMasterKeyId to ${describeType(value)}, not a key id: set it to a KMS key id, ARN or alias.`);
        }
    },
});
