import { resourcePolicy } from "../../lib/define";
import { isSet } from "../../lib/edge";

export default resourcePolicy({
    name: "aws-cloudtrail-require-kms",
    description: "Advisory: CloudTrail trails encrypt their log files with a customer managed KMS key (kmsKeyId), so reading the audit trail needs kms:Decrypt on a key whose policy and use you control and audit. Without it CloudTrail uses SSE-S3, and anyone who can read the bucket can read the logs.",
    priority: "P2",
    severity: "low",
    checklist: ["003.security.data-encryption", "004.data-security.encryption-at-rest"],
    remediationSteps: "Set kmsKeyId to the arn of an aws.kms.Key (with rotation) whose key policy lets cloudtrail.amazonaws.com use it for this trail (kms:GenerateDataKey* with the aws:cloudtrail:arn encryption context).",
    tags: ["encryption"],
    resourceTypes: ["aws:cloudtrail/trail:Trail"],
    validate: ({ name, props }, _config, report) => {
        // The key ARN is usually another resource's output, unknown during preview: only its presence is judged.
        if (!isSet(props, "kmsKeyId")) {
            report(`CloudTrail trail '${name}' sets no kmsKeyId, so its log files are encrypted only with S3-managed keys: set kmsKeyId to the arn of a customer managed KMS key.`);
        }
    },
});
