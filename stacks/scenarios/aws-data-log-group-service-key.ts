import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The service's log group drops its customer-managed KMS key",
    violations: [["aws-cloudwatch-require-log-encryption", "app-logs"]],
    patches: [patch<aws.cloudwatch.LogGroupArgs>("aws:cloudwatch/logGroup:LogGroup", "app-logs", (a) => { delete a.kmsKeyId; })],
});
