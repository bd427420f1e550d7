import { isSetWithoutReading } from "../apigateway/require-access-logs";
import { resourcePolicy } from "../../lib/define";
import { describeType, record } from "../../lib/values";

/**
 * The raw kmsKeyArn, read without the unknown-value check: a key created with the stack is unknown
 * during preview (and set), and the placeholder the engine sends for it matches no ARN pattern.
 */
function rawKeyArn(props: Record<string, unknown>): unknown {
    return Object.getOwnPropertyDescriptor(props, "kmsKeyArn")?.value;
}

export default resourcePolicy({
    name: "aws-lambda-require-environment-kms",
    description: "Lambda functions with environment variables encrypt them with a customer managed KMS key (kmsKeyArn), not the AWS managed aws/lambda key, so access to the values is governed by a key policy and every decryption is logged under the team's key.",
    priority: "P2",
    severity: "low",
    checklist: ["003.security.data-encryption", "002.compliance-verification.data-encryption"],
    remediationSteps: "Set kmsKeyArn to the ARN of a customer managed KMS key whose key policy lets the function's execution role decrypt (kms:Decrypt).",
    tags: ["encryption"],
    resourceTypes: ["aws:lambda/function:Function"],
    validate: ({ name, props }, _config, report) => {
        const variables = record(record(props.environment)?.variables);
        if (variables === undefined || Object.keys(variables).length === 0) {
            return;
        }
        const where = `Lambda function '${name}'`;
        if (!isSetWithoutReading(props, "kmsKeyArn")) {
            report(`${where} has environment variables but no kmsKeyArn, so Lambda encrypts them with the AWS managed aws/lambda key: set kmsKeyArn to a customer managed KMS key.`);
            return;
        }
        const arn = rawKeyArn(props);
        if (typeof arn !== "string") {
            report(`${where} sets kmsKeyArn to ${describeType(arn)}, not a string: set it to the ARN of a customer managed KMS key.`);
        } else if (/:alias\/aws\//.test(arn)) {
            report(`${where} sets kmsKeyArn to an AWS managed key (alias/aws/...): set it to a customer managed KMS key.`);
        }
    },
});
