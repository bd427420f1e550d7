import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { AutoscalerIndex, describeWorkload, HPA_TYPES, isAutoscalerType, isReplicatedType, REPLICATED_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { knownOr } from "../../lib/unknowns";
import { at, integer, isDeclared, record } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-hpa-disallow-static-replicas",
    description: "A Deployment, StatefulSet or other replicated workload that a HorizontalPodAutoscaler of the stack scales leaves spec.replicas unset: a static count resets the scale to that number on every apply, overriding the autoscaler until it scales again.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.auto-scaling", "003.performance.auto-scaling"],
    remediationSteps: "Remove spec.replicas from the workload the autoscaler scales, and let the autoscaler's minReplicas set the floor.",
    tags: ["availability"],
    resourceTypes: [...HPA_TYPES, ...REPLICATED_WORKLOAD_TYPES],
    validate: (resources, _config, report, context) => {
        // Indexed once: the autoscalers by the workload they scale.
        const autoscalers = new AutoscalerIndex<PolicyResource>();
        const workloads: PolicyResource[] = [];
        for (const resource of resources) {
            if (isAutoscalerType(resource.type)) {
                autoscalers.add(resource);
            } else if (resource.type.startsWith("kubernetes:") && isReplicatedType(resource.type, resource.props)) {
                workloads.push(resource);
            }
        }
        if (autoscalers.isEmpty) {
            return;
        }
        for (const workload of workloads) {
            context.judge(workload, () => {
                // Only whether a count is set decides, also one unknown during preview; a Patch that
                // sets one resets the scale on every apply as well.
                if (!isDeclared(record(at(workload.props, "spec")), "replicas")) {
                    return;
                }
                // A generated name (no target) is one no autoscaler of the stack can name.
                const target = autoscalers.targetOf(workload);
                if (target === undefined || !autoscalers.anyScaling(target)) {
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
