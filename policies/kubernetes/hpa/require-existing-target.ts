import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, isPatch, namespaceOrDefault, parseType, scaleTargetOf } from "../../lib/kubernetes";
import { at, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-hpa-require-existing-target",
    description: "Each HorizontalPodAutoscaler scales a workload declared in the same stack (kind, name and namespace of its scaleTargetRef).",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.auto-scaling", "003.performance.auto-scaling"],
    remediationSteps: "Point spec.scaleTargetRef at the kind and metadata.name of a workload the stack declares in the autoscaler's namespace, or declare that workload.",
    tags: ["availability"],
    validate: (resources, _config, report) => {
        for (const hpa of resources) {
            if (!hpa.type.startsWith("kubernetes:autoscaling/") || parseType(hpa.type).kind !== "HorizontalPodAutoscaler" || isPatch(hpa.type)) {
                continue;
            }
            const name = describeWorkload(hpa.type, hpa.name, hpa.props);
            const target = scaleTargetOf(hpa.props);
            if (!target) {
                report(`${name} sets no spec.scaleTargetRef kind and name: point it at the workload to scale.`, hpa.urn);
                continue;
            }
            // A workload's `*Patch` also proves it exists: the patch fails on a missing object.
            const found = resources.some((r) => {
                if (!(isKind(r.type, target.kind) || (isPatch(r.type) && isKind(r.type.slice(0, -"Patch".length), target.kind)))) {
                    return false;
                }
                return namespaceOrDefault(r.props) === target.namespace && text(at(r.props, "metadata", "name")) === target.name;
            });
            if (!found) {
                report(`${name} scales ${target.kind} '${target.name}' in namespace '${target.namespace}', which the stack does not declare (a workload without metadata.name gets a generated name): set scaleTargetRef to a declared workload's kind and metadata.name.`, hpa.urn);
            }
        }
    },
});
