import { resourcePolicy } from "../../lib/define";
import { bool, describeType, record, text } from "../../lib/values";

interface Config {
    requireCustomerManagedKey: boolean;
}

export default resourcePolicy<Config>({
    name: "aws-dynamodb-require-encryption",
    description: "DynamoDB tables are encrypted at rest with a KMS key the organization controls, when required. Every table is encrypted with an AWS owned key at the least, so this policy only fires with requireCustomerManagedKey.",
    priority: "P2",
    severity: "low",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set serverSideEncryption: { enabled: true, kmsKeyArn: <customer managed key ARN> }.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: {
            type: "boolean",
            default: false,
            description: "Require a customer managed KMS key (serverSideEncryption.kmsKeyArn). Default false: the checklists ask for encryption at rest, which DynamoDB always provides with an AWS owned key.",
        },
    },
    resourceTypes: ["aws:dynamodb/table:Table"],
    validate: ({ name, props }, config, report) => {
        if (!config.requireCustomerManagedKey) {
            return;
        }
        const where = `DynamoDB table '${name}'`;
        const fix = "set serverSideEncryption: { enabled: true, kmsKeyArn: <customer managed key ARN> }";
        const sse = props.serverSideEncryption;
        if (sse === undefined) {
            report(`${where} omits serverSideEncryption, so it uses an AWS owned key: ${fix}.`);
            return;
        }
        const settings = record(sse);
        if (!settings) {
            report(`${where} sets serverSideEncryption to ${describeType(sse)}, not an object: ${fix}.`);
        } else if (bool(settings.enabled) !== true) {
            report(`${where} uses an AWS owned key (serverSideEncryption.enabled is not true): ${fix}.`);
        } else if (!text(settings.kmsKeyArn)) {
            report(`${where} uses the AWS managed key aws/dynamodb: ${fix}.`);
        }
    },
});
