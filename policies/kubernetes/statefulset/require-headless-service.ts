import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { addTo, describeWorkload, isKind, kindTypes, namespaceOrDefault, POD_WORKLOAD_TYPES, selectorMatches, templateLabels } from "../../lib/kubernetes";
import { anyPasses, known } from "../../lib/unknowns";
import { at, given, record, text } from "../../lib/values";

/** Why a Service cannot govern a StatefulSet's pods, or undefined when it can. */
function whyNotGoverning(service: PolicyResource, labels: Record<string, unknown>): string | undefined {
    const spec = record(at(service.props, "spec"));
    if (text(spec?.clusterIP) !== "None") {
        return "is not headless (spec.clusterIP is not None), so Kubernetes gives the pods no stable DNS names";
    }
    const selector = record(spec?.selector);
    if (!selector || Object.keys(selector).length === 0 || !selectorMatches({ matchLabels: selector }, labels)) {
        return "does not select the StatefulSet's pods, so they get no DNS records";
    }
    return undefined;
}

const DECLARE = "declare a headless Service (spec.clusterIP: None) whose selector matches the pod template labels in the StatefulSet's namespace, and set spec.serviceName to its name.";

export default stackPolicy({
    name: "kubernetes-statefulset-require-headless-service",
    description: "Each StatefulSet names in spec.serviceName a headless Service (clusterIP: None) of the stack, in its namespace, that selects its pods: that Service gives each pod the stable DNS name (pod-0.service) clustered stores use to find their peers.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.persistent-storage"],
    remediationSteps: "Declare a Service with spec.clusterIP: None whose selector matches the StatefulSet's pod template labels, in the StatefulSet's namespace, and set the StatefulSet's spec.serviceName to its metadata.name.",
    tags: ["availability"],
    resourceTypes: [...kindTypes("Service", ["core/v1"], false), ...POD_WORKLOAD_TYPES.filter((type) => isKind(type, "StatefulSet"))],
    validate: (resources, _config, report, context) => {
        // Indexed once: Services by namespace/name. A Service whose name or namespace is unknown
        // during preview may be any of them.
        const services = new Map<string, PolicyResource[]>();
        const names = new Set<string>();
        const unnamed: PolicyResource[] = [];
        const statefulSets: PolicyResource[] = [];
        for (const resource of resources) {
            if (isKind(resource.type, "Service") && resource.type.startsWith("kubernetes:core/")) {
                const key = known(() => {
                    const name = text(at(resource.props, "metadata", "name"));
                    return name === undefined ? undefined : `${namespaceOrDefault(resource.props)}/${name}`;
                });
                if (!key) {
                    unnamed.push(resource);
                } else if (key.value !== undefined) {
                    addTo(services, key.value, resource);
                    names.add(key.value.slice(key.value.indexOf("/") + 1));
                }
            } else if (isKind(resource.type, "StatefulSet") && resource.type.startsWith("kubernetes:apps/")) {
                statefulSets.push(resource);
            }
        }
        for (const statefulSet of statefulSets) {
            context.judge(statefulSet, () => {
                const described = describeWorkload(statefulSet.type, statefulSet.name, statefulSet.props);
                const serviceName = given(at(statefulSet.props, "spec", "serviceName"));
                if (typeof serviceName !== "string") {
                    report(`${described} sets no spec.serviceName, so its pods get no stable DNS names: ${DECLARE}`, statefulSet.urn);
                    return;
                }
                // The namespace and labels decide only when the stack declares a Service of that name.
                if (!names.has(serviceName) && unnamed.length === 0) {
                    report(`${described} names Service '${serviceName}' in spec.serviceName, but the stack declares no Service of that name: ${DECLARE}`, statefulSet.urn);
                    return;
                }
                const namespace = namespaceOrDefault(statefulSet.props);
                const labels = templateLabels(statefulSet.type, statefulSet.props);
                const reasons = (services.get(`${namespace}/${serviceName}`) ?? []).map((service) => whyNotGoverning(service, labels));
                if (reasons.includes(undefined)) {
                    return;
                }
                // A Service whose name is unknown during preview decides only when no known one governs.
                if (anyPasses(unnamed, (service) => namespaceOrDefault(service.props) === namespace
                    && text(at(service.props, "metadata", "name")) === serviceName && whyNotGoverning(service, labels) === undefined)) {
                    return;
                }
                const why = reasons.length > 0 ? `it ${reasons[0]}` : `the stack declares no Service of that name in namespace '${namespace}'`;
                report(`${described} names Service '${serviceName}' in spec.serviceName, but ${why}: ${DECLARE}`, statefulSet.urn);
            });
        }
    },
});
