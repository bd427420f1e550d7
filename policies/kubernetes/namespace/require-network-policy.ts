import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, isPatch, namespaceOrDefault, podLabels, POD_WORKLOAD_TYPES, selectorMatches } from "../../lib/kubernetes";
import { at, list, record } from "../../lib/values";

const WORKLOADS = new Set(POD_WORKLOAD_TYPES);

export default stackPolicy({
    name: "kubernetes-namespace-require-network-policy",
    description: "Every workload's pods are selected by a NetworkPolicy in their namespace that restricts ingress, so only the traffic it lists reaches them.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.security-configuration.firewall-rules", "003.infrastructure.network-configuration", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Add a NetworkPolicy in the workload's namespace whose podSelector matches its pod labels (an empty podSelector selects every pod) and that lists the ingress it allows.",
    tags: ["network"],
    config: {
        exemptNamespaces: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Namespaces not required to have a NetworkPolicy. Default none: 002 and 003 ask for firewall rules in front of every production service.",
        },
    },
    validate: (resources, config, report) => {
        const policies = resources.filter((r) => isKind(r.type, "NetworkPolicy")
            && (r.type.startsWith("kubernetes:networking.k8s.io/") || r.type.startsWith("kubernetes:extensions/")));
        for (const workload of resources) {
            if (!WORKLOADS.has(workload.type) || isPatch(workload.type)) {
                continue;
            }
            const namespace = namespaceOrDefault(workload.props);
            if (config.exemptNamespaces.includes(namespace)) {
                continue;
            }
            const labels = podLabels(workload.type, workload.props);
            const isolated = policies.some((policy) => {
                if (namespaceOrDefault(policy.props) !== namespace) {
                    return false;
                }
                // policyTypes defaults to ["Ingress"] (plus "Egress" with egress rules): only an explicit
                // Egress-only policy leaves ingress open.
                const types = at(policy.props, "spec", "policyTypes");
                if (types !== undefined && !list(types).includes("Ingress")) {
                    return false;
                }
                // podSelector is required by the API; an empty one selects every pod of the namespace.
                const selector = record(at(policy.props, "spec", "podSelector")) ?? {};
                return selectorMatches(selector, labels);
            });
            if (!isolated) {
                report(`${describeWorkload(workload.type, workload.name, workload.props)} in namespace '${namespace}' has no NetworkPolicy restricting ingress to its pods: add one whose podSelector matches its pod labels.`, workload.urn);
            }
        }
    },
});
