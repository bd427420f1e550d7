import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { describeWorkload, isBuiltInType, isKind, isPatch, kindTypes, namespaceOrDefault, POD_WORKLOAD_TYPES, PodTemplateIndex } from "../../lib/kubernetes";
import { at, isGiven, record } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-networkpolicy-require-selected-pods",
    description: "A NetworkPolicy with a non-empty podSelector selects the pod template of a workload in the stack (judged in namespaces where the stack declares workloads), so the rules it states protect something.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.security-configuration.firewall-rules", "003.infrastructure.network-configuration"],
    remediationSteps: "Make spec.podSelector match the labels of the workload's pod template in the same namespace (or use an empty podSelector for every pod of the namespace).",
    tags: ["network"],
    resourceTypes: [...kindTypes("NetworkPolicy", ["networking.k8s.io/v1", "extensions/v1beta1"], false), ...POD_WORKLOAD_TYPES],
    validate: (resources, _config, report, context) => {
        const templates = new PodTemplateIndex(resources);
        const namespaces = new Set([...templates.namespaces()].map(([namespace]) => namespace));
        const policies: PolicyResource[] = resources.filter((r) => isKind(r.type, "NetworkPolicy") && isBuiltInType(r.type) && !isPatch(r.type));
        for (const policy of policies) {
            context.judge(policy, () => {
                const selector = record(at(policy.props, "spec", "podSelector"));
                if (!selector || (!isGiven(Object.keys(record(selector.matchLabels) ?? {})) && !isGiven(selector.matchExpressions))) {
                    return; // an empty selector selects every pod of the namespace
                }
                const namespace = namespaceOrDefault(policy.props);
                if (templates.selected(namespace, selector).length === 0 && namespaces.has(namespace)) {
                    report(`${describeWorkload(policy.type, policy.name, policy.props)} has a podSelector that selects no pod template in namespace '${namespace}', so its rules protect nothing: match podSelector to the workload's pod template labels.`, policy.urn);
                }
            });
        }
    },
});
