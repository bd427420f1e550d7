import { eachContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { ecsEnvironment, SECRET_STORE_NAMES_SETTING, secretStoreProblem } from "../../lib/runtime-env";
import { ENVIRONMENT_SECRETS_CHECKLIST, findCredential } from "../../lib/secrets";
import { records, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-disallow-plaintext-secrets",
    description: "Container environments in ECS task definitions hold no credentials in plain text, and the settings the checklists name as secrets (DATABASE_URL, JWT_SECRET, *_API_KEY, ...) come from Secrets Manager or SSM through `secrets` whatever their value.",
    priority: "P0",
    severity: "critical",
    checklist: ENVIRONMENT_SECRETS_CHECKLIST,
    remediationSteps: "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` ({ name, valueFrom: <ARN> }) instead of `environment`.",
    tags: ["secrets-identity"],
    config: {
        secretStoreNames: SECRET_STORE_NAMES_SETTING,
    },
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, config, report) => {
        eachContainer(name, props, report, (container, where) => {
            const reported = new Set<string>();
            for (const variable of records(container.environment)) {
                const key = text(variable.name);
                const value = text(variable.value);
                if (key === undefined || value === undefined) {
                    continue;
                }
                const reason = findCredential(key, value);
                if (reason) {
                    reported.add(key);
                    report(`${where} sets environment variable ${key} in plain text (${reason}): move it to Secrets Manager or SSM and reference it from secrets[].valueFrom.`);
                }
            }
            // The settings the checklists name as secrets belong in the secret store even when the value looks harmless.
            for (const variable of ecsEnvironment(container)) {
                const problem = reported.has(variable.name) ? undefined : secretStoreProblem(variable, config.secretStoreNames);
                if (problem) {
                    report(`${where} sets ${variable.name} in environment, which ${problem}: the checklists keep it in the secret store; move it to Secrets Manager or SSM and reference it from secrets[].valueFrom.`);
                }
            }
        });
    },
});
