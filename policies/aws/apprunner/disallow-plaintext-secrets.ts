import { judgeEnvironmentSecrets } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { EnvVariable, SECRET_STORE_NAMES_SETTING } from "../../lib/runtime-env";
import { Parts } from "../../lib/unknowns";
import { at, record } from "../../lib/values";
import { ENVIRONMENT_SECRETS_CHECKLIST } from "../../lib/secrets";

/** The two places an App Runner service takes its runtime configuration from: an image or a code repository. */
const SOURCES: ReadonlyArray<{ path: readonly string[]; label: string }> = [
    { path: ["sourceConfiguration", "imageRepository", "imageConfiguration"], label: "imageConfiguration" },
    { path: ["sourceConfiguration", "codeRepository", "codeConfiguration", "codeConfigurationValues"], label: "codeConfigurationValues" },
];

/** runtimeEnvironmentVariables are written in the service; runtimeEnvironmentSecrets name Secrets Manager or SSM entries. */
function appRunnerEnvironment(configuration: unknown): EnvVariable[] {
    const literal = record(at(configuration, "runtimeEnvironmentVariables")) ?? {};
    const secrets = record(at(configuration, "runtimeEnvironmentSecrets")) ?? {};
    return [
        ...Object.keys(literal).map((name): EnvVariable => ({ name, source: "literal", value: () => literal[name] })),
        ...Object.keys(secrets).map((name): EnvVariable => ({ name, source: "secret", value: () => undefined })),
    ];
}

export default resourcePolicy({
    name: "aws-apprunner-disallow-plaintext-secrets",
    description: "App Runner services hold no credentials in plain text in runtimeEnvironmentVariables, and the settings the checklists name as secrets (DATABASE_URL, JWT_SECRET, *_API_KEY, ...) come from Secrets Manager or SSM through runtimeEnvironmentSecrets whatever their value.",
    priority: "P0",
    severity: "critical",
    checklist: ENVIRONMENT_SECRETS_CHECKLIST,
    remediationSteps: "Store the value in Secrets Manager or SSM Parameter Store and move the variable from runtimeEnvironmentVariables to runtimeEnvironmentSecrets (name: <secret or parameter ARN>); the instance role needs read access to it.",
    tags: ["secrets-identity"],
    config: {
        secretStoreNames: SECRET_STORE_NAMES_SETTING,
    },
    resourceTypes: ["aws:apprunner/service:Service"],
    validate: ({ name, props }, config, report) => {
        // The image and the code configuration apart: one unknown during preview hides no secret in the other.
        const parts = new Parts(report);
        for (const source of SOURCES) {
            parts.judge(() => judgeEnvironmentSecrets(appRunnerEnvironment(at(props, ...source.path)), `App Runner service '${name}' (${source.label})`,
                config.secretStoreNames, "pass it through runtimeEnvironmentSecrets instead", parts.report));
        }
        parts.settle();
    },
});
