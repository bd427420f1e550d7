import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import {
    describeWorkload, isKind, isPatch, kindTypes, namespaceOrDefault, podLabels, POD_WORKLOAD_TYPES, SelectorIndex, selectorMatches,
} from "../../lib/kubernetes";
import { anyPasses, attempt, known } from "../../lib/unknowns";
import { at, given, list, record } from "../../lib/values";

const WORKLOADS = new Set(POD_WORKLOAD_TYPES);

type Direction = "Ingress" | "Egress";

/**
 * The directions a NetworkPolicy isolates the pods it selects in. policyTypes omitted (or empty)
 * means Ingress, plus Egress when the policy has egress rules. A direction listed without rules
 * denies all traffic that way, which isolates too.
 */
function isolates(policy: PolicyResource, direction: Direction): boolean {
    const types = given(at(policy.props, "spec", "policyTypes"));
    if (types === undefined) {
        return direction === "Ingress" || given(at(policy.props, "spec", "egress")) !== undefined;
    }
    return list(types).includes(direction);
}

export default stackPolicy({
    name: "kubernetes-namespace-require-network-policy",
    description: "Every workload's pods are selected by a NetworkPolicy in their namespace that restricts ingress (and, where required, egress), so only the traffic it lists reaches them.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.security-configuration.firewall-rules", "003.infrastructure.network-configuration", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Add a NetworkPolicy in the workload's namespace whose podSelector matches its pod labels (an empty podSelector selects every pod) and that lists the ingress (and egress) it allows.",
    tags: ["network"],
    config: {
        exemptNamespaces: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Namespaces not required to have a NetworkPolicy. Default none: 002 and 003 ask for firewall rules in front of every production service.",
        },
        requireEgressIsolation: {
            type: "boolean",
            default: false,
            description: "Whether each workload's pods must also be selected by a NetworkPolicy restricting egress. Default false: 002 and 003 ask for firewall rules on inbound traffic; set true where outbound traffic must be listed too.",
        },
    },
    resourceTypes: [...kindTypes("NetworkPolicy", ["networking.k8s.io/v1", "extensions/v1beta1"], false), ...POD_WORKLOAD_TYPES],
    validate: (resources, config, report, context) => {
        // NetworkPolicies by namespace, indexed once; one whose namespace is unknown during preview
        // may be in any namespace.
        const byNamespace = new Map<string, SelectorIndex<PolicyResource>>();
        const anywhere: PolicyResource[] = [];
        const workloads: PolicyResource[] = [];
        for (const resource of resources) {
            if (isKind(resource.type, "NetworkPolicy")
                && (resource.type.startsWith("kubernetes:networking.k8s.io/") || resource.type.startsWith("kubernetes:extensions/"))) {
                const namespace = known(() => namespaceOrDefault(resource.props));
                if (namespace) {
                    const index = byNamespace.get(namespace.value) ?? new SelectorIndex<PolicyResource>();
                    byNamespace.set(namespace.value, index);
                    index.add(resource, () => at(resource.props, "spec", "podSelector"));
                } else {
                    anywhere.push(resource);
                }
            } else if (WORKLOADS.has(resource.type) && !isPatch(resource.type)) {
                workloads.push(resource);
            }
        }
        const directions: Direction[] = config.requireEgressIsolation ? ["Ingress", "Egress"] : ["Ingress"];

        for (const workload of workloads) {
            context.judge(workload, () => {
                // The namespace decides only which NetworkPolicies may select the pods and whether
                // exemptNamespaces lists it: one unknown during preview is read for nothing else.
                const namespace = attempt(() => namespaceOrDefault(workload.props));
                const placed = (): string => namespace.unknown === undefined ? namespace.value : namespaceOrDefault(workload.props);
                if (namespace.unknown === undefined && config.exemptNamespaces.includes(namespace.value)) {
                    return;
                }
                let open = directions;
                if (byNamespace.size > 0 || anywhere.length > 0) {
                    const labels = podLabels(workload.type, workload.props);
                    const candidates = [...(byNamespace.get(placed())?.candidates(labels) ?? []), ...anywhere];
                    open = directions.filter((direction) => !anyPasses(candidates, (policy) => {
                        if (namespaceOrDefault(policy.props) !== placed() || !isolates(policy, direction)) {
                            return false;
                        }
                        // podSelector is required by the API; an empty one selects every pod of the namespace.
                        return selectorMatches(record(at(policy.props, "spec", "podSelector")) ?? {}, labels);
                    }));
                }
                if (open.length === 0 || (config.exemptNamespaces.length > 0 && config.exemptNamespaces.includes(placed()))) {
                    return;
                }
                const what = open.map((d) => d.toLowerCase()).join(" or ");
                const where = namespace.unknown === undefined ? ` in namespace '${namespace.value}'` : "";
                report(`${describeWorkload(workload.type, workload.name, workload.props)}${where} has no NetworkPolicy restricting ${what} to its pods: add one whose podSelector matches its pod labels, with policyTypes ${JSON.stringify(open)}.`, workload.urn);
            });
        }
    },
});
