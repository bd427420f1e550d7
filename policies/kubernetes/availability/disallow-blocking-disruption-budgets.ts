import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import {
    AutoscalerIndex, describeWorkload, HPA_TYPES, isAutoscalerType, isKind, isPatch, kindTypes, namespaceOrDefault, parseType, percentage,
    POD_WORKLOAD_TYPES, PodTemplateIndex,
} from "../../lib/kubernetes";
import { at, integer, isDeclared, Props, record } from "../../lib/values";

// Kinds whose pod count is spec.replicas (1 when omitted); a DaemonSet's is the node count, unknown here.
const REPLICATED_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]);

export default stackPolicy({
    name: "kubernetes-availability-disallow-blocking-disruption-budgets",
    description: "PodDisruptionBudgets allow at least one pod to be evicted, so node drains, upgrades and cluster scale-down are not blocked.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.auto-scaling", "003.performance.auto-scaling"],
    remediationSteps: "Set maxUnavailable to 1 or more (or a percentage above 0%), or minAvailable below the number of pods the budget selects (never \"100%\"); a budget that sets neither allows no eviction at all.",
    tags: ["availability"],
    config: {
        minimumAllowedDisruptions: {
            type: "integer",
            minimum: 1,
            maximum: 100,
            default: 1,
            description: "Pods a budget must let be evicted at once. Default 1: with none allowed, a drain never finishes and the cluster autoscaler cannot remove the node, so the auto-scaling 002 and 003 ask for stops working.",
        },
    },
    resourceTypes: [...kindTypes("PodDisruptionBudget", ["policy/v1", "policy/v1beta1"], false), ...HPA_TYPES, ...POD_WORKLOAD_TYPES],
    validate: (resources, config, report, context) => {
        // Indexed once: pod templates by namespace and label, autoscalers by the namespace/kind/name they scale.
        const templates = new PodTemplateIndex(resources);
        const autoscalers = new AutoscalerIndex<PolicyResource>();
        const budgets: PolicyResource[] = [];
        for (const resource of resources) {
            if (isAutoscalerType(resource.type)) {
                autoscalers.add(resource);
            } else if (isKind(resource.type, "PodDisruptionBudget") && resource.type.startsWith("kubernetes:policy/") && !isPatch(resource.type)) {
                budgets.push(resource);
            }
        }
        const minimum = config.minimumAllowedDisruptions;
        // The fewest pods a workload runs: an autoscaler's minReplicas, else spec.replicas; undefined when not known here.
        const podCount = (workload: PolicyResource): number | undefined => {
            const kind = parseType(workload.type).kind;
            if (kind === "Pod") {
                return 1;
            }
            const raw = at(workload.props, "spec", "replicas");
            if (raw === undefined && !REPLICATED_KINDS.has(kind)) {
                return undefined;
            }
            // Only autoscalers whose target is known count here; with none, the name and namespace are not read.
            const target = autoscalers.hasKnownTargets ? autoscalers.targetOf(workload) : undefined;
            const scaling = target === undefined ? [] : autoscalers.scaling(target);
            const minReplicas = scaling.map((hpa) => integer(at(hpa.props, "spec", "minReplicas") ?? 1)).filter((n): n is number => n !== undefined);
            return minReplicas.length > 0 ? Math.min(...minReplicas) : raw === undefined ? 1 : integer(raw);
        };
        for (const budget of budgets) {
            context.judge(budget, () => {
                const spec: Props = record(budget.props.spec) ?? {};
                const where = describeWorkload(budget.type, budget.name, budget.props);
                const fix = `set maxUnavailable to ${minimum} or more, or minAvailable below the number of pods it selects`;
                if (spec.maxUnavailable !== undefined) {
                    const count = integer(spec.maxUnavailable);
                    if ((count !== undefined && count < minimum) || percentage(spec.maxUnavailable) === 0) {
                        report(`${where} sets maxUnavailable to ${String(spec.maxUnavailable)}, so no pod it selects can ever be evicted and node drains hang: ${fix}.`, budget.urn);
                    }
                    return;
                }
                if (spec.minAvailable === undefined) {
                    if (!isDeclared(spec, "selector")) {
                        return; // a budget without a selector selects no pod, so it blocks none
                    }
                    // The disruption controller then expects no pod and allows no disruption at all.
                    report(`${where} sets neither minAvailable nor maxUnavailable, so the disruption controller allows no eviction of the pods it selects and node drains hang: ${fix}.`, budget.urn);
                    return;
                }
                if (percentage(spec.minAvailable) === 100) {
                    report(`${where} sets minAvailable to 100%, so no pod it selects can ever be evicted and node drains hang: ${fix}.`, budget.urn);
                    return;
                }
                const required = integer(spec.minAvailable);
                const selector = record(spec.selector);
                if (required === undefined || !selector) {
                    return; // a percentage below 100% always rounds to fewer pods; kubernetes-availability-require-pod-disruption-budget reports malformed values
                }
                const selected = templates.selected(namespaceOrDefault(budget.props), selector);
                let pods = 0;
                for (const workload of selected) {
                    const count = podCount(workload);
                    if (count === undefined || count < 1) {
                        return; // a DaemonSet, a custom resource without replicas, or scaled to zero: no count to compare
                    }
                    pods += count;
                }
                if (selected.length > 0 && pods - required < minimum) {
                    report(`${where} sets minAvailable to ${required} while the workloads it selects run ${pods} pod${pods === 1 ? "" : "s"}, so ${pods - required <= 0 ? "no pod" : `only ${pods - required} pod(s)`} can be evicted and node drains hang: ${fix} (at most ${pods - minimum}).`, budget.urn);
                }
            });
        }
    },
});
