import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, isPatch, kindTypes, namespaceOrDefault, POD_WORKLOAD_TYPES, PodTemplateIndex } from "../../lib/kubernetes";
import { at, isGiven, record, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-service-require-selected-pods",
    description: "A Service's selector matches the pod template of a workload in the stack (judged in namespaces where the stack declares workloads), so the Service has endpoints to route to.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.load-balancer"],
    remediationSteps: "Make spec.selector equal to labels of the workload's pod template (spec.template.metadata.labels), in the same namespace.",
    tags: ["availability"],
    resourceTypes: [...kindTypes("Service", ["core/v1"], false), ...POD_WORKLOAD_TYPES],
    validate: (resources, _config, report, context) => {
        const templates = new PodTemplateIndex(resources);
        const workloadNamespaces = new Set<string>();
        const services: PolicyResource[] = [];
        for (const resource of resources) {
            if (isKind(resource.type, "Service") && resource.type.startsWith("kubernetes:core/")) {
                services.push(resource);
            }
        }
        for (const [namespace] of templates.namespaces()) {
            workloadNamespaces.add(namespace);
        }
        for (const service of services) {
            context.judge(service, () => {
                const selector = record(at(service.props, "spec", "selector"));
                if (!selector || !isGiven(Object.keys(selector)) || text(at(service.props, "spec", "type")) === "ExternalName") {
                    return; // no selector: endpoints are managed by hand
                }
                const namespace = namespaceOrDefault(service.props);
                if (!workloadNamespaces.has(namespace) && !templates.hasUnplaced()) {
                    return; // the stack declares no workload there: the pods come from elsewhere
                }
                if (templates.selectedBy(namespace, selector).length === 0 && workloadNamespaces.has(namespace)) {
                    const labels = Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`).join(", ");
                    report(`${describeWorkload(service.type, service.name, service.props)} selects pods labelled ${labels}, but no pod template in namespace '${namespace}' carries those labels, so it has no endpoints: match the selector to the workload's pod template labels.`, service.urn);
                }
            });
        }
    },
});
