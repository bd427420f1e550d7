import { eachContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { findCredential } from "../../lib/secrets";
import { records, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-disallow-plaintext-secrets",
    description: "Container environments in ECS task definitions hold no credentials in plain text; secrets come from Secrets Manager or SSM through `secrets`.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.configuration.secrets-in-secret-manager", "004.environment-configuration.secrets-management", "001.authentication-security.api-key-in-secret-manager"],
    remediationSteps: "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` ({ name, valueFrom: <ARN> }) instead of `environment`.",
    tags: ["secrets-identity"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, _config, report) => {
        eachContainer(name, props, report, (container, where) => {
            for (const variable of records(container.environment)) {
                const key = text(variable.name);
                const value = text(variable.value);
                if (key === undefined || value === undefined) {
                    continue;
                }
                const reason = findCredential(key, value);
                if (reason) {
                    report(`${where} sets environment variable ${key} in plain text (${reason}): move it to Secrets Manager or SSM and reference it from secrets[].valueFrom.`);
                }
            }
        });
    },
});
