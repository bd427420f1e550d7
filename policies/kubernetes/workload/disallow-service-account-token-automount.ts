import { resourcePolicy } from "../../lib/define";
import { describeWorkload, isPatch, podSpec, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { bool, describeType, text } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-disallow-service-account-token-automount",
    description: "Pods do not mount a Kubernetes API token (automountServiceAccountToken: false) unless their service account is allowed to.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.least-privilege", "003.security.service-accounts"],
    remediationSteps: "Set automountServiceAccountToken: false on the pod spec; a workload that calls the Kubernetes API gets its own service account, listed in allowAutomount.",
    tags: ["secrets-identity"],
    config: {
        allowAutomount: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Service accounts whose pods may mount an API token (workloads that call the Kubernetes API). Default none: 003 asks for least privilege, and most services never call the API.",
        },
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        const setting = spec.automountServiceAccountToken;
        const value = bool(setting);
        if (value === false || (setting === undefined && isPatch(type))) {
            return;
        }
        const account = text(spec.serviceAccountName) ?? text(spec.serviceAccount) ?? "default";
        if (config.allowAutomount.includes(account)) {
            return;
        }
        const workload = describeWorkload(type, name, props);
        if (setting === undefined) {
            report(`${workload} does not set automountServiceAccountToken, so its pods mount the API token of service account '${account}': set automountServiceAccountToken: false.`);
        } else if (value === undefined) {
            report(`${workload} sets automountServiceAccountToken to ${describeType(setting)}, not a boolean: set it to false.`);
        } else if (value) {
            report(`${workload} mounts the API token of service account '${account}' (automountServiceAccountToken: true): set it to false, or list '${account}' in allowAutomount if it calls the Kubernetes API.`);
        }
    },
});
