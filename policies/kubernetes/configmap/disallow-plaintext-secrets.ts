import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { DEFAULT_SECRET_NAME_PATTERNS, findCredential } from "../../lib/secrets";
import { judgeEach } from "../../lib/unknowns";
import { describeType, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-configmap-disallow-plaintext-secrets",
    description: "No ConfigMap holds a credential in its data: ConfigMaps are readable by anyone who may read the namespace's configuration, credentials belong in Secrets.",
    priority: "P0",
    severity: "critical",
    checklist: [
        "000.authentication-security.api-key-in-secret-manager",
        "001.authentication-security.api-key-in-secret-manager",
        "002.security-configuration.secrets-management",
        "003.configuration.secrets-in-secret-manager",
        "004.environment-configuration.secrets-management",
    ],
    remediationSteps: "Move the value into a Kubernetes Secret (synced from the secret manager) and mount it or reference it with valueFrom.secretKeyRef; keep only non-secret settings in the ConfigMap.",
    tags: ["secrets-identity"],
    config: {
        secretNamePatterns: {
            type: "array",
            items: { type: "string" },
            default: [...DEFAULT_SECRET_NAME_PATTERNS],
            description: "Globs (any case) for data keys that say they hold a secret; such a key must not have a value. Default: the same password, secret, token, API key, private key, access key and credential names as kubernetes-workload-disallow-plaintext-secrets; every checklist (000-004) asks for secrets in a secret manager. Values are also matched against secretlint's recommended rules, whatever the key.",
        },
    },
    resourceTypes: kindTypes("ConfigMap", ["core/v1"]),
    validate: ({ type, name, props }, config, report) => {
        const data = record(props.data);
        if (!data) {
            return;
        }
        const where = describeWorkload(type, name, props);
        // Each key on its own: a value unknown during preview hides no credential under another key.
        judgeEach(Object.keys(data), report, (key, report) => {
            const raw = data[key];
            const value = text(raw);
            if (value === undefined) {
                if (raw !== undefined && raw !== null) {
                    report(`${where} sets data.${key} to ${describeType(raw)}, not a string: ConfigMap data values are strings.`);
                }
                return;
            }
            const reason = findCredential(key, value, { secretNamePatterns: config.secretNamePatterns });
            if (reason) {
                report(`${where} holds a credential in data.${key} (${reason.replace("variable name", "the key")}): move it into a Secret and reference it from there.`);
            }
        });
    },
});
