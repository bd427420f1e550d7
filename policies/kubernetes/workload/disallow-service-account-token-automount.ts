import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, isPatch, kindTypes, namespaceOrDefault, POD_WORKLOAD_TYPES, podSpec } from "../../lib/kubernetes";
import { attempt, known } from "../../lib/unknowns";
import { at, bool, describeType, given, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-workload-disallow-service-account-token-automount",
    description: "Pods do not mount a Kubernetes API token (automountServiceAccountToken: false on the pod or on its ServiceAccount) unless their service account is allowed to.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.least-privilege", "003.security.service-accounts"],
    remediationSteps: "Set automountServiceAccountToken: false on the pod spec or on its ServiceAccount; a workload that calls the Kubernetes API gets its own service account, listed in allowAutomount.",
    tags: ["secrets-identity"],
    config: {
        allowAutomount: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Service accounts whose pods may mount an API token (workloads that call the Kubernetes API), as name or namespace/name. Default none: 003 asks for least privilege, and most services never call the API.",
        },
    },
    resourceTypes: [...kindTypes("ServiceAccount", ["core/v1"], false), ...POD_WORKLOAD_TYPES],
    validate: (resources, config, report, context) => {
        // ServiceAccounts by namespace/name, indexed once. One whose name is unknown during preview
        // cannot be told apart, and makes unknown only the pods that depend on it.
        const accounts = new Map<string, PolicyResource>();
        const unnamed = new Set<string>();
        const workloads: PolicyResource[] = [];
        for (const resource of resources) {
            if (!resource.type.startsWith("kubernetes:")) {
                continue;
            }
            if (resource.type.startsWith("kubernetes:core/v1:") && isKind(resource.type, "ServiceAccount")) {
                const key = known(() => `${namespaceOrDefault(resource.props)}/${text(at(resource.props, "metadata", "name")) ?? resource.name}`);
                if (key) {
                    accounts.set(key.value, resource);
                } else {
                    unnamed.add(resource.urn);
                }
            } else {
                workloads.push(resource);
            }
        }
        // Only namespaced entries of allowAutomount need a pod's namespace.
        const allowed = (namespace: () => string, account: string) =>
            config.allowAutomount.includes(account) || config.allowAutomount.some((entry) => entry.includes("/") && entry === `${namespace()}/${account}`);
        const declaresAccounts = accounts.size > 0 || unnamed.size > 0;

        for (const resource of workloads) {
            context.judge(resource, () => {
                const { type, name, props } = resource;
                const spec = podSpec(type, props);
                if (!spec) {
                    return;
                }
                const setting = spec.automountServiceAccountToken;
                const value = bool(setting);
                if (value === false || (setting === undefined && isPatch(type))) {
                    return;
                }
                const account = text(given(spec.serviceAccountName)) ?? text(given(spec.serviceAccount)) ?? "default";
                // The namespace is read only where it decides (a namespaced allowAutomount entry, the
                // ServiceAccount the pod inherits from), so one unknown during preview hides no violation.
                const placed = attempt(() => namespaceOrDefault(props));
                const namespace = () => (placed.unknown === undefined ? placed.value : namespaceOrDefault(props));
                if (allowed(namespace, account)) {
                    return;
                }
                const workload = describeWorkload(type, name, props);
                if (setting === undefined) {
                    // The pod inherits the ServiceAccount's setting.
                    let declared = declaresAccounts ? accounts.get(`${namespace()}/${account}`) : undefined;
                    const linked = declared ? undefined : (resource.dependencies ?? []).find((d) => unnamed.has(d.urn));
                    if (linked) {
                        // A ServiceAccount the pod depends on, whose name is unknown during preview, may be its own: reading it makes this pod unknown.
                        declared = `${namespaceOrDefault(linked.props)}/${text(at(linked.props, "metadata", "name"))}` === `${namespace()}/${account}` ? linked : undefined;
                    }
                    const inherited = declared === undefined ? undefined : declared.props.automountServiceAccountToken;
                    if (bool(inherited) === false) {
                        return;
                    }
                    const of = placed.unknown === undefined ? ` of namespace '${placed.value}'` : "";
                    const why = declared === undefined
                        ? `service account '${account}'${of} is not declared in the stack`
                        : `its ServiceAccount '${account}' does not set it to false`;
                    report(`${workload} does not set automountServiceAccountToken and ${why}, so its pods mount the API token of service account '${account}': set automountServiceAccountToken: false on the pod spec or on the ServiceAccount.`, resource.urn);
                } else if (value === undefined) {
                    report(`${workload} sets automountServiceAccountToken to ${describeType(setting)}, not a boolean: set it to false.`, resource.urn);
                } else {
                    report(`${workload} mounts the API token of service account '${account}' (automountServiceAccountToken: true): set it to false, or list '${account}' in allowAutomount if it calls the Kubernetes API.`, resource.urn);
                }
            });
        }
    },
});
