import { resourcePolicy } from "../../lib/define";
import { findCredential } from "../../lib/secrets";
import { at, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lambda-disallow-plaintext-secrets",
    description: "Lambda function environment variables hold no credentials in plain text.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.configuration.secrets-in-secret-manager", "004.environment-configuration.secrets-management", "001.authentication-security.api-key-in-secret-manager"],
    remediationSteps: "Store the value in Secrets Manager or SSM Parameter Store, pass its ARN or name in the environment, and read it at run time (or through the Parameters and Secrets Lambda extension).",
    tags: ["secrets-identity"],
    resourceTypes: ["aws:lambda/function:Function"],
    validate: ({ name, props }, _config, report) => {
        const variables = record(at(props.environment, "variables")) ?? {};
        for (const key of Object.keys(variables)) {
            const value = text(variables[key]);
            if (value === undefined) {
                continue;
            }
            const reason = findCredential(key, value);
            if (reason) {
                report(`Lambda function '${name}' sets environment variable ${key} in plain text (${reason}): store it in Secrets Manager or SSM and pass its ARN instead.`);
            }
        }
    },
});
