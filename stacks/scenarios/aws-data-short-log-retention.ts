import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The service's logs are kept for one week",
    violations: [["aws-cloudwatch-require-log-retention", "app-logs"]],
    patches: [patch<aws.cloudwatch.LogGroupArgs>("aws:cloudwatch/logGroup:LogGroup", "app-logs", (a) => { a.retentionInDays = 7; })],
});
