import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { addTo, describeWorkload, HPA_TYPES, isPatch, namespaceOrDefault, parseType, REPLICATED_WORKLOAD_TYPES, scaleTargetOf } from "../../lib/kubernetes";
import { anyPasses, attempt, known } from "../../lib/unknowns";
import { at, record, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-hpa-require-existing-target",
    description: "Each HorizontalPodAutoscaler scales a workload declared in the same stack (kind, name and namespace of its scaleTargetRef).",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.auto-scaling", "003.performance.auto-scaling"],
    remediationSteps: "Point spec.scaleTargetRef at the kind and metadata.name of a workload the stack declares in the autoscaler's namespace, or declare that workload.",
    tags: ["availability"],
    resourceTypes: [...HPA_TYPES, ...REPLICATED_WORKLOAD_TYPES],
    validate: (resources, _config, report, context) => {
        // Indexed once: every Kubernetes object by namespace/kind/name (a workload's `*Patch` also
        // proves it exists: the patch fails on a missing object). An object whose name or namespace is
        // unknown during preview may be any target of its kind.
        const declared = new Set<string>();
        const unnamed = new Map<string, PolicyResource[]>();
        const autoscalers: PolicyResource[] = [];
        for (const resource of resources) {
            if (!resource.type.startsWith("kubernetes:")) {
                continue;
            }
            const kind = parseType(resource.type).kind;
            if (kind === "HorizontalPodAutoscaler" && resource.type.startsWith("kubernetes:autoscaling/")) {
                if (!isPatch(resource.type)) {
                    autoscalers.push(resource);
                }
                continue;
            }
            const key = known(() => {
                const name = text(at(resource.props, "metadata", "name"));
                return name === undefined ? undefined : `${namespaceOrDefault(resource.props)}/${kind}/${name}`;
            });
            if (!key) {
                addTo(unnamed, kind, resource);
            } else if (key.value !== undefined) {
                declared.add(key.value);
            }
        }
        for (const hpa of autoscalers) {
            context.judge(hpa, () => {
                const name = describeWorkload(hpa.type, hpa.name, hpa.props);
                const read = attempt(() => scaleTargetOf(hpa.props));
                if (read.unknown !== undefined) {
                    // The HPA's namespace (or its target) is unknown during preview. When nothing the
                    // stack declares has the target's kind and name, the namespace decides nothing.
                    const ref = record(at(hpa.props, "spec", "scaleTargetRef"));
                    const kind = text(ref?.kind);
                    const targetName = text(ref?.name);
                    if (kind === undefined || targetName === undefined) {
                        report(`${name} sets no spec.scaleTargetRef kind and name: point it at the workload to scale.`, hpa.urn);
                        return;
                    }
                    if (unnamed.has(kind) || [...declared].some((key) => key.endsWith(`/${kind}/${targetName}`))) {
                        throw read.unknown;
                    }
                    report(`${name} scales ${kind} '${targetName}', which the stack does not declare in its namespace (a workload without metadata.name gets a generated name): set scaleTargetRef to a declared workload's kind and metadata.name.`, hpa.urn);
                    return;
                }
                const target = read.value;
                if (!target) {
                    report(`${name} sets no spec.scaleTargetRef kind and name: point it at the workload to scale.`, hpa.urn);
                    return;
                }
                const key = `${target.namespace}/${target.kind}/${target.name}`;
                if (declared.has(key) || anyPasses(unnamed.get(target.kind) ?? [], (r) =>
                    namespaceOrDefault(r.props) === target.namespace && text(at(r.props, "metadata", "name")) === target.name)) {
                    return;
                }
                report(`${name} scales ${target.kind} '${target.name}' in namespace '${target.namespace}', which the stack does not declare (a workload without metadata.name gets a generated name): set scaleTargetRef to a declared workload's kind and metadata.name.`, hpa.urn);
            });
        }
    },
});
