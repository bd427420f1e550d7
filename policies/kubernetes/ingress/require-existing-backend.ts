import { matchGlob } from "../../lib/globs";
import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { anyPasses, describeWorkload, isBuiltInType, isKind, isPatch, known, namespaceOrDefault } from "../../lib/kubernetes";
import { at, integer, Props, record, records, text } from "../../lib/values";

/** The Service a backend names and its port, in networking.k8s.io/v1 or the v1beta1 shape. */
function serviceOf(backend: Props | undefined): { name: string; port?: string | number } | undefined {
    if (!backend) {
        return undefined;
    }
    const service = record(backend.service);
    const name = text(service?.name) ?? text(backend.serviceName);
    if (name === undefined) {
        return undefined; // a resource backend, or nothing
    }
    const port = service ? text(at(service, "port", "name")) ?? integer(at(service, "port", "number")) : text(backend.servicePort) ?? integer(backend.servicePort);
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
        const external = (namespace: string, name: string) =>
            config.externalServices.some((pattern) => matchGlob(pattern.includes("/") ? `${namespace}/${name}` : name, pattern));
        for (const ingress of ingresses) {
            context.judge(ingress, () => {
                const namespace = namespaceOrDefault(ingress.props);
                const spec = record(ingress.props.spec) ?? {};
                const backends: Array<[string, Props | undefined]> = [["the default backend", record(spec.defaultBackend) ?? record(spec.backend)]];
                records(spec.rules).forEach((rule, r) => records(at(rule, "http", "paths")).forEach((path, p) => {
                    backends.push([`rules[${r}].http.paths[${p}]`, record(path.backend)]);
                }));
                const where = describeWorkload(ingress.type, ingress.name, ingress.props);
                for (const [place, backend] of backends) {
                    const target = serviceOf(backend);
                    if (!target || external(namespace, target.name)) {
                        continue;
                    }
                    const service = services.get(`${namespace}/${target.name}`);
                    if (!service) {
                        if (!anyPasses(unknownServices, (s) => key(s) === `${namespace}/${target.name}`)) {
                            report(`${where} routes ${place} to Service '${target.name}', which the stack does not declare in namespace '${namespace}': declare the Service, correct the name, or list it in externalServices.`, ingress.urn);
                        }
                        continue;
                    }
                    if (target.port === undefined) {
                        continue;
                    }
                    const ports = records(at(service.props, "spec", "ports"));
                    const found = ports.some((port) => typeof target.port === "number" ? integer(port.port) === target.port : text(port.name) === target.port);
                    if (!found) {
                        report(`${where} routes ${place} to port ${typeof target.port === "number" ? target.port : `'${target.port}'`} of Service '${target.name}', which the Service does not declare: use one of its ports[].${typeof target.port === "number" ? "port" : "name"}.`, ingress.urn);
                    }
                }
            });
        }
    },
});
