import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { addTo, describeWorkload, isKind, isPatch, kindTypes, namespaceOrDefault, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { anyPasses, attempt, known } from "../../lib/unknowns";
import { at, text } from "../../lib/values";

const WORKLOADS = new Set(POD_WORKLOAD_TYPES);

export default stackPolicy({
    name: "kubernetes-namespace-require-resource-governance",
    description: "Namespaces that run workloads have a LimitRange or a ResourceQuota, so no pod runs unbounded and the namespace cannot starve the cluster.",
    priority: "P2",
    severity: "low",
    checklist: ["001.deployment.resource-limits", "003.performance.resource-limits"],
    remediationSteps: "Add a LimitRange with default container requests and limits (or a ResourceQuota) to each namespace that runs workloads.",
    tags: ["workload-security"],
    config: {
        exemptNamespaces: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Namespaces not required to have a LimitRange or ResourceQuota. Default none: 001 and 003 ask for CPU and memory limits on every workload.",
        },
    },
    resourceTypes: [...kindTypes("LimitRange", ["core/v1"]), ...kindTypes("ResourceQuota", ["core/v1"]), ...kindTypes("Namespace", ["core/v1"], false), ...POD_WORKLOAD_TYPES],
    validate: (resources, config, report, context) => {
        // Indexed once: namespaces with a LimitRange or ResourceQuota (a `*Patch` of one also shows it
        // exists), declared Namespaces by name, and the workloads. A LimitRange or ResourceQuota whose
        // namespace is unknown during preview may govern any namespace.
        const governed = new Set<string>();
        const governsUnknown: PolicyResource[] = [];
        const declared = new Map<string, PolicyResource>();
        const workloads: PolicyResource[] = [];
        for (const resource of resources) {
            const { type } = resource;
            if (type.startsWith("kubernetes:core/v1:") && ["LimitRange", "ResourceQuota"].some((kind) => isKind(type.replace(/Patch$/, ""), kind))) {
                const namespace = known(() => namespaceOrDefault(resource.props));
                if (namespace) {
                    governed.add(namespace.value);
                } else {
                    governsUnknown.push(resource);
                }
            } else if (type.startsWith("kubernetes:core/v1:") && isKind(type, "Namespace")) {
                const name = known(() => text(at(resource.props, "metadata", "name")));
                if (name?.value) {
                    declared.set(name.value, resource);
                }
            } else if (WORKLOADS.has(type) && !isPatch(type)) {
                workloads.push(resource);
            }
        }
        const ungoverned = new Map<string, { urn: string; described: string }[]>();
        const unplaced: { urn: string; described: string }[] = [];
        for (const workload of workloads) {
            context.judge(workload, () => {
                const described = describeWorkload(workload.type, workload.name, workload.props);
                const placed = attempt(() => namespaceOrDefault(workload.props));
                if (placed.unknown !== undefined) {
                    // A namespace unknown during preview decides only where something may govern or exempt it.
                    if (governed.size > 0 || governsUnknown.length > 0 || config.exemptNamespaces.length > 0) {
                        throw placed.unknown;
                    }
                    unplaced.push({ urn: workload.urn, described });
                    return;
                }
                const namespace = placed.value;
                if (governed.has(namespace) || config.exemptNamespaces.includes(namespace)
                    || anyPasses(governsUnknown, (r) => namespaceOrDefault(r.props) === namespace)) {
                    return;
                }
                addTo(ungoverned, namespace, { urn: workload.urn, described });
            });
        }
        const advice = "add a LimitRange with default requests and limits, or a ResourceQuota";
        for (const w of unplaced) {
            report(`${w.described} runs in a namespace that has no LimitRange or ResourceQuota in the stack: ${advice}.`, w.urn);
        }
        for (const [namespace, found] of ungoverned) {
            const namespaceResource = declared.get(namespace);
            if (namespaceResource) {
                const names = found.map((w) => w.described).join(", ");
                report(`Namespace '${namespace}' runs ${names} with no LimitRange or ResourceQuota: ${advice}.`, namespaceResource.urn);
            } else {
                for (const w of found) {
                    report(`${w.described} runs in namespace '${namespace}', which has no LimitRange or ResourceQuota in the stack: ${advice}.`, w.urn);
                }
            }
        }
    },
});
