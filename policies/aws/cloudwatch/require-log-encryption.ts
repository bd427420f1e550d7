import { resourcePolicy } from "../../lib/define";
import { isGiven } from "../../lib/values";

export default resourcePolicy({
    name: "aws-cloudwatch-require-log-encryption",
    description: "CloudWatch log groups encrypt their logs with a customer-managed KMS key, so access to the logs can be audited and revoked with the key.",
    priority: "P2",
    severity: "low",
    checklist: ["003.security.data-encryption", "004.data-security.encryption-at-rest"],
    remediationSteps: "Set kmsKeyId to the ARN of a KMS key whose key policy lets the CloudWatch Logs service of the region use it.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: {
            type: "boolean",
            default: true,
            description: "Require a customer-managed key. Default true: 003 and 004 ask for data encrypted at rest, and logs often hold personal data; false accepts CloudWatch's own service-side encryption.",
        },
    },
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    validate: ({ name, props }, config, report) => {
        // A key's ARN is usually unknown until the key exists, and any key still to be created counts as
        // set: the descriptor gives the value without the preview's unknown check; "" sets no key.
        if (!config.requireCustomerManagedKey || isGiven(Object.getOwnPropertyDescriptor(props, "kmsKeyId")?.value)) {
            return;
        }
        report(`log group '${name}' sets no kmsKeyId, so its logs are encrypted only with CloudWatch's service key: set kmsKeyId to a customer-managed KMS key.`);
    },
});
