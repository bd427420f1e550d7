import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, isPatch, namespaceOrDefault, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
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
    validate: (resources, config, report) => {
        // A `*Patch` of a LimitRange or ResourceQuota also shows one exists in the namespace.
        const governed = new Set(resources
            .filter((r) => ["LimitRange", "ResourceQuota"].some((kind) => isKind(r.type, kind) || isKind(r.type.replace(/Patch$/, ""), kind))
                && r.type.startsWith("kubernetes:core/v1:"))
            .map((r) => namespaceOrDefault(r.props)));
        const ungoverned = new Map<string, typeof resources[number][]>();
        for (const workload of resources) {
            if (!WORKLOADS.has(workload.type) || isPatch(workload.type)) {
                continue;
            }
            const namespace = namespaceOrDefault(workload.props);
            if (!governed.has(namespace) && !config.exemptNamespaces.includes(namespace)) {
                ungoverned.set(namespace, [...(ungoverned.get(namespace) ?? []), workload]);
            }
        }
        for (const [namespace, workloads] of ungoverned) {
            const declared = resources.find((r) => isKind(r.type, "Namespace") && r.type.startsWith("kubernetes:core/v1:")
                && text(at(r.props, "metadata", "name")) === namespace);
            const advice = "add a LimitRange with default requests and limits, or a ResourceQuota";
            if (declared) {
                const names = workloads.map((w) => describeWorkload(w.type, w.name, w.props)).join(", ");
                report(`Namespace '${namespace}' runs ${names} with no LimitRange or ResourceQuota: ${advice}.`, declared.urn);
            } else {
                for (const w of workloads) {
                    report(`${describeWorkload(w.type, w.name, w.props)} runs in namespace '${namespace}', which has no LimitRange or ResourceQuota in the stack: ${advice}.`, w.urn);
                }
            }
        }
    },
});
