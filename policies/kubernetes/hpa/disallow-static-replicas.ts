import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, isReplicatedType, namespaceOrDefault, parseType, scaleTargetOf } from "../../lib/kubernetes";
import { anyPasses, known, knownOr } from "../../lib/unknowns";
import { at, integer, isDeclared, record, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-hpa-disallow-static-replicas",
    description: "A Deployment, StatefulSet or other replicated workload that a HorizontalPodAutoscaler of the stack scales leaves spec.replicas unset: a static count resets the scale to that number on every apply, overriding the autoscaler until it scales again.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.auto-scaling", "003.performance.auto-scaling"],
    remediationSteps: "Remove spec.replicas from the workload the autoscaler scales, and let the autoscaler's minReplicas set the floor.",
    tags: ["availability"],
    validate: (resources, _config, report, context) => {
        // Indexed once: the targets of the autoscalers by namespace/kind/name. An autoscaler whose
        // target or namespace is unknown during preview may scale any workload.
        const scaled = new Set<string>();
        const scalingUnknown: PolicyResource[] = [];
        const workloads: PolicyResource[] = [];
        for (const resource of resources) {
            if (isKind(resource.type, "HorizontalPodAutoscaler") && resource.type.startsWith("kubernetes:autoscaling/")) {
                const target = known(() => scaleTargetOf(resource.props));
                if (!target) {
                    scalingUnknown.push(resource);
                } else if (target.value) {
                    scaled.add(`${target.value.namespace}/${target.value.kind}/${target.value.name}`);
                }
            } else if (resource.type.startsWith("kubernetes:") && isReplicatedType(resource.type, resource.props)) {
                workloads.push(resource);
            }
        }
        if (scaled.size === 0 && scalingUnknown.length === 0) {
            return;
        }
        for (const workload of workloads) {
            context.judge(workload, () => {
                // Only whether a count is set decides, also one unknown during preview; a Patch that
                // sets one resets the scale on every apply as well.
                if (!isDeclared(record(at(workload.props, "spec")), "replicas")) {
                    return;
                }
                const name = text(at(workload.props, "metadata", "name"));
                if (name === undefined) {
                    return; // a generated name is one no autoscaler of the stack can name
                }
                const key = `${namespaceOrDefault(workload.props)}/${parseType(workload.type).kind}/${name}`;
                if (!scaled.has(key) && !anyPasses(scalingUnknown, (hpa) => {
                    const target = scaleTargetOf(hpa.props);
                    return target !== undefined && `${target.namespace}/${target.kind}/${target.name}` === key;
                })) {
                    return;
                }
                const described = describeWorkload(workload.type, workload.name, workload.props);
                const count = knownOr(() => integer(at(workload.props, "spec", "replicas")), undefined);
                const sets = count === undefined ? "sets spec.replicas" : `sets spec.replicas to ${count}`;
                report(`${described} ${sets} although a HorizontalPodAutoscaler scales it, so every apply of this program resets the replica count and overrides the autoscaler: remove spec.replicas and let the autoscaler's minReplicas set the floor.`, workload.urn);
            });
        }
    },
});
