import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { containers, describeWorkload, isKind, kindTypes, namespaceOrDefault, POD_WORKLOAD_TYPES, podSpec, PodTemplateIndex } from "../../lib/kubernetes";
import { attempt, judgeItems, knownItems } from "../../lib/unknowns";
import { at, integer, isGiven, record, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-service-require-exposed-target-ports",
    description: "Every targetPort a Service gives by name is a port name that a container of the pods it selects declares, so the name resolves and traffic reaches the pods. A numeric targetPort needs no declaration (a container's ports list is informational) and is not judged.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.load-balancer"],
    remediationSteps: "Name the port in the selected containers' ports (e.g. ports: [{name: http, containerPort: 8080}] for targetPort: http), or set targetPort to the number the container listens on.",
    tags: ["availability"],
    resourceTypes: [...kindTypes("Service", ["core/v1"], false), ...POD_WORKLOAD_TYPES],
    validate: (resources, _config, report, context) => {
        const templates = new PodTemplateIndex(resources);
        const services: PolicyResource[] = resources.filter((r) => isKind(r.type, "Service") && r.type.startsWith("kubernetes:core/"));
        for (const service of services) {
            context.judge(service, () => {
                const selector = record(at(service.props, "spec", "selector"));
                if (!selector || !isGiven(Object.keys(selector)) || text(at(service.props, "spec", "type")) === "ExternalName") {
                    return;
                }
                const selected = templates.selectedBy(namespaceOrDefault(service.props), selector);
                if (selected.length === 0) {
                    return; // kubernetes-service-require-selected-pods reports a Service that selects nothing
                }
                // The port names the selected pods' containers declare. A name unknown during
                // preview decides only a targetPort that no known name answers.
                const names = new Set<string>();
                let unknownName: unknown;
                for (const workload of selected) {
                    for (const view of containers(podSpec(workload.type, workload.props) ?? {})) {
                        if (view.role !== "container") {
                            continue;
                        }
                        const declared = attempt(() => knownItems(view.container.ports));
                        const ports = declared.unknown === undefined ? declared.value : { items: [], unknown: declared.unknown };
                        unknownName ??= ports.unknown;
                        for (const item of ports.items) {
                            const name = attempt(() => text(record(item)?.name));
                            unknownName ??= name.unknown;
                            if (name.value !== undefined) names.add(name.value);
                        }
                    }
                }
                const where = describeWorkload(service.type, service.name, service.props);
                // Each port of the Service on its own: one unknown during preview hides no other.
                judgeItems(at(service.props, "spec", "ports"), (message) => report(message, service.urn), (item, index, report) => {
                    const port = record(item);
                    if (!port) {
                        return;
                    }
                    // Only a name must be declared: Kubernetes resolves it against the containers' ports.
                    // A number (targetPort omitted is the Service port, a number) needs no declaration.
                    const target = port.targetPort;
                    const name = integer(target) === undefined ? text(target) : undefined;
                    if (name !== undefined && !names.has(name)) {
                        if (unknownName !== undefined) {
                            throw unknownName;
                        }
                        const declared = names.size > 0 ? `set targetPort to one of ${[...names].join(", ")}, ` : "";
                        report(`${where} sends ports[${index}] to targetPort '${name}', which no container of the pods it selects names, so the Service has no endpoint for it: ${declared}name the port in the container's ports (ports: [{name: ${name}, containerPort: <port>}]), or set targetPort to the port number.`);
                    }
                });
            });
        }
    },
});
