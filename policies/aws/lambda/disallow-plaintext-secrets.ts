import { resourcePolicy } from "../../lib/define";
import { isSecretStoreArn, lambdaEnvironment, SECRET_STORE_NAMES_SETTING, secretStoreProblem } from "../../lib/runtime-env";
import { findCredential } from "../../lib/secrets";
import { at, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lambda-disallow-plaintext-secrets",
    description: "Lambda function environment variables hold no credentials in plain text, and the settings the checklists name as secrets (DATABASE_URL, JWT_SECRET, *_API_KEY, ...) are not environment variables at all, whatever their value: the function reads them from Secrets Manager or SSM (an environment variable may hold the secret's ARN).",
    priority: "P0",
    severity: "critical",
    checklist: [
        "003.configuration.secrets-in-secret-manager", "004.environment-configuration.secrets-management", "001.authentication-security.api-key-in-secret-manager",
        "002.security-configuration.secrets-management", "002.environment-variables.database-url", "002.environment-variables.nextauth-secret",
        "002.environment-variables.openai-api-key", "002.environment-variables.encryption-master-key", "002.environment-variables.jwt-secret",
        "002.environment-variables.oauth2-provider-keys",
    ],
    remediationSteps: "Store the value in Secrets Manager or SSM Parameter Store, pass its ARN or name in the environment, and read it at run time (or through the Parameters and Secrets Lambda extension).",
    tags: ["secrets-identity"],
    config: {
        secretStoreNames: SECRET_STORE_NAMES_SETTING,
    },
    resourceTypes: ["aws:lambda/function:Function"],
    validate: ({ name, props }, config, report) => {
        const reported = new Set<string>();
        const variables = record(at(props.environment, "variables")) ?? {};
        for (const key of Object.keys(variables)) {
            const value = text(variables[key]);
            if (value === undefined) {
                continue;
            }
            const reason = findCredential(key, value);
            if (reason) {
                reported.add(key);
                report(`Lambda function '${name}' sets environment variable ${key} in plain text (${reason}): store it in Secrets Manager or SSM and pass its ARN instead.`);
            }
        }
        // The settings the checklists name as secrets belong in the secret store even when the value looks harmless.
        for (const variable of lambdaEnvironment(props)) {
            const problem = reported.has(variable.name) ? undefined : secretStoreProblem(variable, config.secretStoreNames, isSecretStoreArn);
            if (problem) {
                report(`Lambda function '${name}' sets ${variable.name} as an environment variable, which ${problem}: the checklists keep it in the secret store; store it in Secrets Manager or SSM and pass its ARN (in a variable such as ${variable.name}_ARN) instead.`);
            }
        }
    },
});
