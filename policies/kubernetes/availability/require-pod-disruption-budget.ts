import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import {
    AutoscalerIndex, describeWorkload, HPA_TYPES, isAutoscalerType, isKind, isPatch, kindTypes, minReplicasOf, namespaceOrDefault,
    podLabels, REPLICATED_WORKLOAD_TYPES, SelectorIndex, selectorMatches,
} from "../../lib/kubernetes";
import { anyPasses, attempt, known } from "../../lib/unknowns";
import { at, integer, Props, record } from "../../lib/values";

const REPLICATED = new Set(REPLICATED_WORKLOAD_TYPES);

/** "25%" → 25; undefined when the value is not a percentage. */
function percent(value: unknown): number | undefined {
    const match = typeof value === "string" ? /^\s*(\d+)%\s*$/.exec(value) : null;
    return match ? Number(match[1]) : undefined;
}

/**
 * Whether a budget keeps at least one pod of `replicas` from being evicted. Kubernetes rounds
 * percentages up. With neither field set ("unset") the disruption controller allows no eviction at
 * all: that budget protects nothing, it blocks node drains.
 */
function blocksDisruption(spec: Props, replicas: number): boolean | "invalid" | "unset" {
    if (spec.minAvailable !== undefined) {
        const count = integer(spec.minAvailable);
        const share = percent(spec.minAvailable);
        if (count === undefined && share === undefined) {
            return "invalid";
        }
        return count !== undefined ? count >= 1 : share! > 0;
    }
    if (spec.maxUnavailable !== undefined) {
        const count = integer(spec.maxUnavailable);
        const share = percent(spec.maxUnavailable);
        if (count === undefined && share === undefined) {
            return "invalid";
        }
        const allowed = count !== undefined ? count : Math.ceil((share! * replicas) / 100);
        return allowed < replicas;
    }
    return "unset";
}

export default stackPolicy({
    name: "kubernetes-availability-require-pod-disruption-budget",
    description: "Workloads that run several replicas have a PodDisruptionBudget that keeps at least one pod up during node drains and upgrades.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.load-balancer", "003.infrastructure.load-balancer"],
    remediationSteps: "Add a policy/v1 PodDisruptionBudget in the workload's namespace whose selector matches its pod template labels, with minAvailable of 1 or more (or maxUnavailable below the replica count).",
    tags: ["availability"],
    config: {
        minimumReplicas: {
            type: "integer",
            minimum: 2,
            maximum: 1000,
            default: 2,
            description: "Replica count (spec.replicas or an autoscaler's minReplicas) from which a budget is required. Default 2: with several instances behind a load balancer (002, 003), a drain must not take them all down at once.",
        },
    },
    resourceTypes: [...kindTypes("PodDisruptionBudget", ["policy/v1", "policy/v1beta1"], false), ...HPA_TYPES, ...REPLICATED_WORKLOAD_TYPES],
    validate: (resources, config, report, context) => {
        // Indexed once: budgets by namespace, autoscalers by the namespace/kind/name they scale. One
        // whose namespace or target is unknown during preview may apply to any workload.
        const budgets = new Map<string, SelectorIndex<PolicyResource>>();
        const budgetsAnywhere: PolicyResource[] = [];
        const autoscalers = new AutoscalerIndex<PolicyResource>();
        const workloads: PolicyResource[] = [];
        for (const resource of resources) {
            if (isKind(resource.type, "PodDisruptionBudget") && resource.type.startsWith("kubernetes:policy/")) {
                const namespace = known(() => namespaceOrDefault(resource.props));
                if (namespace) {
                    const index = budgets.get(namespace.value) ?? new SelectorIndex<PolicyResource>();
                    budgets.set(namespace.value, index);
                    index.add(resource, () => at(resource.props, "spec", "selector"));
                } else {
                    budgetsAnywhere.push(resource);
                }
            } else if (isAutoscalerType(resource.type)) {
                autoscalers.add(resource);
            } else if (REPLICATED.has(resource.type) && !isPatch(resource.type)) {
                workloads.push(resource);
            }
        }
        for (const workload of workloads) {
            context.judge(workload, () => {
                const raw = at(workload.props, "spec", "replicas");
                const replicas = raw === undefined ? 1 : integer(raw);
                if (replicas === undefined) {
                    return; // kubernetes-workload-disallow-zero-replicas reports a replica count that is not a number
                }
                // The namespace and name only find the autoscalers and budgets that may apply: with
                // none in the stack, they decide nothing and are not read.
                const placed = attempt(() => namespaceOrDefault(workload.props));
                const namespace = () => (placed.unknown === undefined ? placed.value : namespaceOrDefault(workload.props));
                const target = autoscalers.targetOf(workload);
                const size = Math.max(replicas, ...(target === undefined ? [] : autoscalers.scaling(target)).map(minReplicasOf));
                // An autoscaler whose target is unknown could raise the size: it decides only here.
                if (size < config.minimumReplicas && (target === undefined || !autoscalers.anyScaling(target, (hpa) => minReplicasOf(hpa) >= config.minimumReplicas))) {
                    return;
                }
                const name = describeWorkload(workload.type, workload.name, workload.props);
                const labels = podLabels(workload.type, workload.props);
                const matching: PolicyResource[] = [];
                const covers = (pdb: PolicyResource) => {
                    if (namespaceOrDefault(pdb.props) !== namespace()) {
                        return false;
                    }
                    const selector = record(at(pdb.props, "spec", "selector"));
                    if (!selector) {
                        return false; // a null selector matches no pods
                    }
                    // policy/v1beta1 reads an empty selector as "no pods"; policy/v1 as "every pod in the namespace".
                    const empty = Object.keys(selector).length === 0;
                    return empty ? !pdb.type.startsWith("kubernetes:policy/v1beta1:") : selectorMatches(selector, labels);
                };
                // A budget with values unknown during preview decides only when no known budget protects the pods.
                const candidates = budgets.size > 0 || budgetsAnywhere.length > 0 ? [...(budgets.get(namespace())?.candidates(labels) ?? []), ...budgetsAnywhere] : [];
                const protectedBy = anyPasses(candidates, (pdb) => {
                    if (!covers(pdb)) {
                        return false;
                    }
                    matching.push(pdb);
                    return blocksDisruption(record(pdb.props.spec) ?? {}, size) === true;
                });
                if (protectedBy) {
                    return;
                }
                if (matching.length === 0) {
                    const inNamespace = placed.unknown === undefined ? `in namespace '${placed.value}'` : "in its namespace";
                    report(`${name} runs ${size} replicas with no PodDisruptionBudget ${inNamespace} selecting its pods: add one whose selector matches the pod template labels, with minAvailable: 1 or more.`, workload.urn);
                    return;
                }
                const pdb = matching[0];
                const pdbName = describeWorkload(pdb.type, pdb.name, pdb.props);
                const verdict = blocksDisruption(record(pdb.props.spec) ?? {}, size);
                const why = verdict === "invalid"
                    ? "sets minAvailable or maxUnavailable to something other than a count or a percentage such as \"50%\""
                    : verdict === "unset"
                        ? `sets neither minAvailable nor maxUnavailable, so it allows no eviction of the ${size} replicas of ${name} (node drains hang) instead of keeping some up`
                        : `lets every one of the ${size} replicas of ${name} be evicted at once`;
                report(`${pdbName} ${why}: set minAvailable to 1 or more, or maxUnavailable below ${size}.`, pdb.urn);
            });
        }
    },
});
