import { podPolicy } from "../../lib/pod-policy";
import { isVariableReference, kubernetesVariable, SECRET_STORE_NAMES_SETTING, secretStoreProblem } from "../../lib/runtime-env";
import { DEFAULT_SECRET_NAME_PATTERNS, findCredential } from "../../lib/secrets";
import { judgeItems } from "../../lib/unknowns";
import { describeType, record, text } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-plaintext-secrets",
    description: "No container environment variable holds a credential as a literal value, and the settings the checklists name as secrets (DATABASE_URL, JWT_SECRET, *_API_KEY, ...) come from a Secret through valueFrom.secretKeyRef whatever their value: credentials come from Secrets.",
    priority: "P0",
    severity: "critical",
    checklist: [
        "000.authentication-security.api-key-in-secret-manager",
        "001.authentication-security.api-key-in-secret-manager",
        "002.security-configuration.secrets-management",
        "003.configuration.secrets-in-secret-manager",
        "004.environment-configuration.secrets-management",
        "002.environment-variables.database-url",
        "002.environment-variables.nextauth-secret",
        "002.environment-variables.openai-api-key",
        "002.environment-variables.encryption-master-key",
        "002.environment-variables.jwt-secret",
        "002.environment-variables.oauth2-provider-keys",
    ],
    remediationSteps: "Move the value into a Kubernetes Secret (synced from the secret manager) and reference it with env[].valueFrom.secretKeyRef, or mount the Secret as a file.",
    tags: ["secrets-identity"],
    config: {
        secretNamePatterns: {
            type: "array",
            items: { type: "string" },
            default: [...DEFAULT_SECRET_NAME_PATTERNS],
            description: "Globs (any case) for variable names that say they hold a secret; such a variable must not have a literal value. Default: password, secret, token, API key, private key, access key and credential names; every checklist (000-004) asks for secrets in a secret manager, not in environment variables in code. Values are also matched against secretlint's recommended rules, whatever the name.",
        },
        secretStoreNames: SECRET_STORE_NAMES_SETTING,
    },
    validateContainer: ({ view, where }, config, report) => {
        // Each variable on its own: one unknown during preview hides no credential in another.
        judgeItems(view.container.env, report, (item, _index, report) => {
            const variable = record(item);
            const literal = variable?.value;
            if (literal !== undefined) {
                const variableName = text(variable?.name) ?? "unnamed";
                const value = typeof literal === "number" || typeof literal === "boolean" ? String(literal) : text(literal);
                if (value === undefined) {
                    report(`${where} sets env ${variableName} to ${describeType(literal)}, not a string: set a string value, or take a secret from valueFrom.secretKeyRef.`);
                    return;
                }
                const reason = findCredential(variableName, value, { secretNamePatterns: config.secretNamePatterns });
                if (reason) {
                    report(`${where} sets env ${variableName} to a literal value that ${reason}: keep it in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).`);
                    return;
                }
            }
            // The settings the checklists name as secrets belong in a Secret even when the value looks harmless.
            const named = kubernetesVariable(item);
            const problem = named && secretStoreProblem(named, config.secretStoreNames, isVariableReference);
            if (problem) {
                report(`${where} sets env ${named.name}, which ${problem}: the checklists keep it in the secret store; keep it in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).`);
            }
        });
    },
});
