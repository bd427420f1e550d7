import { resourcePolicy } from "../../lib/define";
import { isDeclared, text } from "../../lib/values";

/** An AWS service principal: "sns.amazonaws.com", "logs.eu-west-1.amazonaws.com". */
function isServicePrincipal(principal: string): boolean {
    return /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(principal.trim());
}

export default resourcePolicy({
    name: "aws-lambda-require-permission-source-arn",
    description: "Lambda permissions that let an AWS service invoke a function name the resource it acts for (sourceArn): without it any topic, bucket, rule or API of any account may have that service invoke the function (the confused deputy problem).",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Set sourceArn to the ARN of the topic, bucket, rule, API or log group that invokes the function (and sourceAccount for S3, whose bucket ARNs carry no account).",
    tags: ["secrets-identity"],
    resourceTypes: ["aws:lambda/permission:Permission"],
    validate: ({ name, props }, _config, report) => {
        const principal = text(props.principal);
        if (principal === undefined || !isServicePrincipal(principal)) {
            return;
        }
        // The ARN of a resource of the same program is unknown during preview: it is set all the same.
        if (!isDeclared(props, "sourceArn")) {
            report(`Lambda permission '${name}' lets the service principal ${principal.trim()} invoke the function without sourceArn, so that service may invoke it for any account's resource: set sourceArn to the ARN of the resource that invokes it.`);
        }
    },
});
