import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { containers, describeWorkload, isKind, namespaceOrDefault, podSpec, PodTemplateIndex } from "../../lib/kubernetes";
import { attempt, judgeItems, knownItems } from "../../lib/unknowns";
import { at, integer, isGiven, record, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-service-require-exposed-target-ports",
    description: "Every targetPort of a Service is a port that a container of the pods it selects declares (by name or number), so traffic reaches a listening port.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.load-balancer"],
    remediationSteps: "Set the Service's ports[].targetPort to a name or containerPort listed in the selected containers' ports (e.g. targetPort: http with ports: [{name: http, containerPort: 8080}]).",
    tags: ["availability"],
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
                // The ports the selected pods' containers declare, by name and by number. A port
                // unknown during preview decides only a targetPort that no known port answers.
                const names = new Set<string>();
                const numbers = new Set<number>();
                let unknownName: unknown;
                let unknownNumber: unknown;
                for (const workload of selected) {
                    for (const view of containers(podSpec(workload.type, workload.props) ?? {})) {
                        if (view.role !== "container") {
                            continue;
                        }
                        const declared = attempt(() => knownItems(view.container.ports));
                        const ports = declared.unknown === undefined ? declared.value : { items: [], unknown: declared.unknown };
                        unknownName ??= ports.unknown;
                        unknownNumber ??= ports.unknown;
                        for (const item of ports.items) {
                            const name = attempt(() => text(record(item)?.name));
                            const number = attempt(() => integer(record(item)?.containerPort));
                            unknownName ??= name.unknown;
                            unknownNumber ??= number.unknown;
                            if (name.value !== undefined) names.add(name.value);
                            if (number.value !== undefined) numbers.add(number.value);
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
                    // targetPort defaults to the Service port.
                    const target = port.targetPort ?? port.port;
                    const number = integer(target);
                    const name = number === undefined ? text(target) : undefined;
                    if (name !== undefined && !names.has(name)) {
                        if (unknownName !== undefined) {
                            throw unknownName;
                        }
                        report(`${where} sends ports[${index}] to targetPort '${name}', which no container of the pods it selects names: set targetPort to one of ${[...names].join(", ") || "their declared ports"}.`);
                    } else if (number !== undefined && !numbers.has(number)) {
                        if (unknownNumber !== undefined) {
                            throw unknownNumber;
                        }
                        report(`${where} sends ports[${index}] to targetPort ${number}, which no container of the pods it selects declares${numbers.size ? ` (they declare ${[...numbers].join(", ")})` : ""}: set targetPort to a declared containerPort or port name.`);
                    }
                });
            });
        }
    },
});
