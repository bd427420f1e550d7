import { resourcePolicy } from "../../lib/define";
import { knownOr } from "../../lib/unknowns";
import { bool, describeType, given, isDeclared, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-sqs-require-encryption",
    description: "SQS queues encrypt messages at rest: SQS managed encryption (the AWS default for new queues) or a KMS key.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Remove sqsManagedSseEnabled: false, or set kmsMasterKeyId to a KMS key.",
    tags: ["encryption"],
    config: {
        requireKmsKey: {
            type: "boolean",
            default: false,
            description: "Require a KMS key (kmsMasterKeyId) instead of SQS managed encryption. Default false: the checklists ask for encryption at rest, which SSE-SQS provides.",
        },
    },
    resourceTypes: ["aws:sqs/queue:Queue"],
    validate: ({ name, props }, config, report) => {
        const where = `SQS queue '${name}'`;
        // A key created in the same program has an id unknown during preview: it is set, and a string.
        if (isDeclared(props, "kmsMasterKeyId")) {
            if (knownOr(() => text(props.kmsMasterKeyId) === undefined, false)) {
                report(`${where} sets kmsMasterKeyId to ${describeType(props.kmsMasterKeyId)}, not a key id: set it to a KMS key id, ARN or alias.`);
            }
            return;
        }
        if (config.requireKmsKey) {
            report(`${where} sets no kmsMasterKeyId: set kmsMasterKeyId to a KMS key (e.g. "alias/aws/sqs").`);
            return;
        }
        const managed = given(props.sqsManagedSseEnabled);
        if (managed !== undefined && bool(managed) !== true) {
            report(`${where} turns SQS managed encryption off and sets no KMS key: remove sqsManagedSseEnabled: false or set kmsMasterKeyId.`);
        }
    },
});
