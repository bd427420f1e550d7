import { resourcePolicy } from "../../lib/define";
import { isSecretStoreArn, lambdaEnvironment, SECRET_STORE_NAMES_SETTING, secretStoreProblem } from "../../lib/runtime-env";
import { ENVIRONMENT_SECRETS_CHECKLIST, findCredential } from "../../lib/secrets";
import { judgeEach } from "../../lib/unknowns";
import { text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lambda-disallow-plaintext-secrets",
    description: "Lambda function environment variables hold no credentials in plain text, and the settings the checklists name as secrets (DATABASE_URL, JWT_SECRET, *_API_KEY, ...) are not environment variables at all, whatever their value: the function reads them from Secrets Manager or SSM (an environment variable may hold the secret's ARN).",
    priority: "P0",
    severity: "critical",
    checklist: ENVIRONMENT_SECRETS_CHECKLIST,
    remediationSteps: "Store the value in Secrets Manager or SSM Parameter Store, pass its ARN or name in the environment, and read it at run time (or through the Parameters and Secrets Lambda extension).",
    tags: ["secrets-identity"],
    config: {
        secretStoreNames: SECRET_STORE_NAMES_SETTING,
    },
    resourceTypes: ["aws:lambda/function:Function"],
    validate: ({ name, props }, config, report) => {
        // Each variable on its own: a value unknown during preview (a table name, a queue URL) hides
        // no credential written in another.
        judgeEach(lambdaEnvironment(props), report, (variable, report) => {
            const value = text(variable.value());
            const reason = value === undefined ? undefined : findCredential(variable.name, value);
            if (reason) {
                report(`Lambda function '${name}' sets environment variable ${variable.name} in plain text (${reason}): store it in Secrets Manager or SSM and pass its ARN instead.`);
                return;
            }
            // The settings the checklists name as secrets belong in the secret store even when the value looks harmless.
            const problem = secretStoreProblem(variable, config.secretStoreNames, isSecretStoreArn);
            if (problem) {
                report(`Lambda function '${name}' sets ${variable.name} as an environment variable, which ${problem}: the checklists keep it in the secret store; store it in Secrets Manager or SSM and pass its ARN (in a variable such as ${variable.name}_ARN) instead.`);
            }
        });
    },
});
