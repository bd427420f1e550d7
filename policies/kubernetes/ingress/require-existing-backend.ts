import { matchGlob } from "../../lib/globs";
import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { describeWorkload, isBuiltInType, isKind, isPatch, kindTypes, namespaceOrDefault } from "../../lib/kubernetes";
import { anyPasses, attempt, judgeItems, known, Parts, someItem } from "../../lib/unknowns";
import { at, integer, Props, record, text } from "../../lib/values";

/** The Service a backend names and its port (read only when asked), in networking.k8s.io/v1 or the v1beta1 shape. */
function serviceOf(backend: Props | undefined): { name: string; port: () => string | number | undefined } | undefined {
    if (!backend) {
        return undefined;
    }
    const service = record(backend.service);
    const name = text(service?.name) ?? text(backend.serviceName);
    if (name === undefined) {
        return undefined; // a resource backend, or nothing
    }
    const port = () => service ? text(at(service, "port", "name")) ?? integer(at(service, "port", "number")) : text(backend.servicePort) ?? integer(backend.servicePort);
    return { name, port };
}

export default stackPolicy({
    name: "kubernetes-ingress-require-existing-backend",
    description: "Every Service an Ingress routes to is declared in the stack, in the Ingress's namespace, with the port the Ingress names.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.load-balancer"],
    remediationSteps: "Point the Ingress backend at a Service the stack declares in the same namespace, by one of its port names or numbers (or list a Service managed elsewhere in externalServices).",
    tags: ["availability"],
    config: {
        externalServices: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Services (globs over `name` or `namespace/name`) that exist outside the stack (installed by a chart, for one). Default none: 003 asks for the load balancer to reach its backend service.",
        },
    },
    resourceTypes: [...kindTypes("Service", ["core/v1"], false), ...kindTypes("Ingress", ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"], false)],
    validate: (resources, config, report, context) => {
        // Indexed once: Services by namespace/name; those whose name is unknown during preview may be any.
        const services = new Map<string, PolicyResource>();
        const unknownServices: PolicyResource[] = [];
        const ingresses: PolicyResource[] = [];
        const key = (r: PolicyResource) => `${namespaceOrDefault(r.props)}/${text(at(r.props, "metadata", "name")) ?? ""}`;
        for (const resource of resources) {
            if (isKind(resource.type, "Service") && resource.type.startsWith("kubernetes:core/")) {
                const placed = known(() => key(resource));
                if (placed) {
                    services.set(placed.value, resource);
                } else {
                    unknownServices.push(resource);
                }
            } else if (isKind(resource.type, "Ingress") && isBuiltInType(resource.type) && !isPatch(resource.type)) {
                ingresses.push(resource);
            }
        }
        const declaresServices = services.size > 0 || unknownServices.length > 0;
        for (const ingress of ingresses) {
            context.judge(ingress, () => {
                const where = describeWorkload(ingress.type, ingress.name, ingress.props);
                // The Ingress's namespace decides which Services it reaches and namespaced externalServices
                // globs; one unknown during preview is read only for those, never for a message.
                const placed = attempt(() => namespaceOrDefault(ingress.props));
                const namespace = () => (placed.unknown === undefined ? placed.value : namespaceOrDefault(ingress.props));
                const judgeBackend = (place: string, backend: Props | undefined, report: (message: string) => void) => {
                    const target = serviceOf(backend);
                    if (!target
                        || config.externalServices.some((pattern) => !pattern.includes("/") && matchGlob(target.name, pattern))
                        || config.externalServices.some((pattern) => pattern.includes("/") && matchGlob(`${namespace()}/${target.name}`, pattern))) {
                        return;
                    }
                    const service = declaresServices ? services.get(`${namespace()}/${target.name}`) : undefined;
                    if (!service) {
                        if (!declaresServices || !anyPasses(unknownServices, (s) => key(s) === `${namespace()}/${target.name}`)) {
                            const inNamespace = placed.unknown === undefined ? `in namespace '${placed.value}'` : "in the Ingress's namespace";
                            report(`${where} routes ${place} to Service '${target.name}', which the stack does not declare ${inNamespace}: declare the Service, correct the name, or list it in externalServices.`);
                        }
                        return;
                    }
                    const port = target.port();
                    if (port === undefined) {
                        return;
                    }
                    const found = someItem(at(service.props, "spec", "ports"), (item) => typeof port === "number" ? integer(record(item)?.port) === port : text(record(item)?.name) === port);
                    if (!found) {
                        report(`${where} routes ${place} to port ${typeof port === "number" ? port : `'${port}'`} of Service '${target.name}', which the Service does not declare: use one of its ports[].${typeof port === "number" ? "port" : "name"}.`);
                    }
                };
                // Each backend on its own: one unknown during preview hides no missing Service of another.
                const spec = record(ingress.props.spec) ?? {};
                const parts = new Parts((message) => report(message, ingress.urn));
                parts.judge(() => judgeBackend("the default backend", record(spec.defaultBackend) ?? record(spec.backend), parts.report));
                parts.judge(() => judgeItems(spec.rules, parts.report, (rule, r, report) => judgeItems(at(rule, "http", "paths"), report, (path, p, report) =>
                    judgeBackend(`rules[${r}].http.paths[${p}]`, record(record(path)?.backend), report))));
                parts.settle();
            });
        }
    },
});
