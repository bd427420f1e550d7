import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import {
    allowedWorkloadsSetting, AutoscalerIndex, describeWorkload, HPA_TYPES, isAutoscalerType, isCustomResourceType, isPatch,
    isReplicatedType, minReplicasOf, namespaceOrDefault, podSpec, REPLICATED_WORKLOAD_TYPES, selectorMatches, templateLabels,
    unlessWorkloadListed,
} from "../../lib/kubernetes";
import { anyPasses, attempt, known } from "../../lib/unknowns";
import { at, integer, isDeclared, list, Props, record, text } from "../../lib/values";

/** Node labels that separate failure domains: the node itself, and the zone (with its deprecated beta label). */
const SPREADING_KEYS = ["kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"];

const REPLICATED = new Set(REPLICATED_WORKLOAD_TYPES);

/**
 * One reader per item of a list, so each item is judged on its own (see `anyPasses`). A list unknown
 * during preview is a single reader that reads it again, and throws.
 */
function itemReaders(readList: () => unknown): (() => unknown)[] {
    const found = known(readList);
    if (!found) {
        return [readList];
    }
    const items = list(found.value);
    return Array.from({ length: items.length }, (_, index) => () => items[index]);
}

/** Whether the pod spec spreads the workload's own pods over nodes or zones; throws when a value deciding it is unknown during preview. */
function spreadsOwnPods(type: string, props: Props, spec: Props): { spreads: boolean; ways: number } {
    // The scheduler counts only the pods a constraint's or term's labelSelector selects: one
    // that selects other pods (or none, without a selector) spreads nothing of this workload.
    const labels = () => templateLabels(type, props);
    const selectsOwnPods = (selector: unknown) => {
        const found = record(selector);
        return found !== undefined && selectorMatches(found, labels());
    };
    const constraints = itemReaders(() => spec.topologySpreadConstraints);
    const antiAffinity = (field: string) => itemReaders(() => at(spec.affinity, "podAntiAffinity", field));
    const terms = [
        ...antiAffinity("requiredDuringSchedulingIgnoredDuringExecution"),
        ...antiAffinity("preferredDuringSchedulingIgnoredDuringExecution").map((read) => () => at(read(), "podAffinityTerm")),
    ];
    const spreadsByTerm = (read: () => unknown) => {
        const term = record(read());
        if (!term || !SPREADING_KEYS.includes(text(term.topologyKey) ?? "") || !selectsOwnPods(term.labelSelector)) {
            return false;
        }
        // A term that lists namespaces counts the pods there only (a namespaceSelector may add any namespace).
        const namespaces = list(term.namespaces);
        return namespaces.length === 0 || isDeclared(term, "namespaceSelector") || namespaces.includes(namespaceOrDefault(props));
    };
    // One judgement over both: a known way of spreading wins over one unknown during preview.
    const candidates = [
        ...constraints.map((read) => () => selectsOwnPods(at(read(), "labelSelector"))),
        ...terms.map((read) => () => spreadsByTerm(read)),
    ];
    return { spreads: anyPasses(candidates, (spreads) => spreads()), ways: candidates.length };
}

export default stackPolicy({
    name: "kubernetes-availability-require-topology-spread",
    description: "Workloads that run several replicas spread them across nodes or zones: a topologySpreadConstraint whose labelSelector selects the workload's own pods, or a pod anti-affinity term that selects its own pods on kubernetes.io/hostname or a zone, so one node or zone failing does not take every replica down.",
    priority: "P2",
    severity: "low",
    checklist: ["002.infrastructure-setup.load-balancer"],
    remediationSteps: "Add spec.template.spec.topologySpreadConstraints (topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname, maxSkew: 1) with a labelSelector matching the pod template labels, or a podAntiAffinity term selecting those labels with topologyKey kubernetes.io/hostname or topology.kubernetes.io/zone.",
    tags: ["availability"],
    config: {
        minimumReplicas: {
            type: "integer",
            minimum: 2,
            maximum: 1000,
            default: 3,
            description: "Replica count from which spreading is required. Default 3: the highly available load-balanced backends of 002 and 003 need their instances on more than one node; with 3 or more, the scheduler may otherwise pack them onto one.",
        },
        allowedWorkloads: allowedWorkloadsSetting("Workloads (globs over `name` or `namespace/name`) that need not spread. Default none."),
    },
    resourceTypes: [...HPA_TYPES, ...REPLICATED_WORKLOAD_TYPES],
    validate: (resources, config, report, context) => {
        // Indexed once: the autoscalers by the workload they scale.
        const autoscalers = new AutoscalerIndex<PolicyResource>();
        const workloads: PolicyResource[] = [];
        for (const resource of resources) {
            if (isAutoscalerType(resource.type)) {
                autoscalers.add(resource);
            } else if (!isPatch(resource.type) && (REPLICATED.has(resource.type) || isCustomResourceType(resource.type))) {
                workloads.push(resource);
            }
        }

        /**
         * The fewest pods the workload runs, when that reaches minimumReplicas (else undefined):
         * spec.replicas (omitted means 1) or, when that is below, the minReplicas of an autoscaler of
         * the stack that scales it. Not its maxReplicas: a ceiling it may never reach, and a workload
         * that may scale down to one pod keeps nothing up when that pod's node fails, spread or not.
         */
        const floorOf = (workload: PolicyResource): { replicas: number; autoscaled: boolean } | undefined => {
            const raw = at(workload.props, "spec", "replicas");
            const replicas = raw === undefined ? 1 : integer(raw);
            if (replicas === undefined) {
                return undefined; // malformed counts are kubernetes-workload-disallow-zero-replicas' to report
            }
            if (replicas >= config.minimumReplicas) {
                return { replicas, autoscaled: false };
            }
            const target = autoscalers.targetOf(workload);
            if (target === undefined) {
                return undefined; // no autoscaler in the stack, or a generated name, which none can name
            }
            let raisedTo = 0;
            // A known minReplicas that reaches the threshold wins over one unknown during preview.
            const raised = autoscalers.anyScaling(target, (hpa) => {
                const minimum = minReplicasOf(hpa);
                raisedTo = Math.max(raisedTo, minimum);
                return minimum >= config.minimumReplicas;
            });
            return raised ? { replicas: raisedTo, autoscaled: true } : undefined;
        };

        for (const workload of workloads) {
            const { type, name, props } = workload;
            context.judge(workload, () => {
                if (!isReplicatedType(type, props)) {
                    return;
                }
                // A count unknown during preview decides only when the workload does not spread.
                const floor = attempt(() => floorOf(workload));
                if (floor.unknown === undefined && floor.value === undefined) {
                    return;
                }
                const spec = podSpec(type, props);
                if (!spec) {
                    return;
                }
                unlessWorkloadListed(config.allowedWorkloads, { name, props }, (message) => report(message, workload.urn), (report) => {
                    const { spreads, ways } = spreadsOwnPods(type, props, spec);
                    if (spreads) {
                        return;
                    }
                    const size = floor.value;
                    if (size === undefined) {
                        throw floor.unknown; // the count, unknown during preview, decides
                    }
                    const where = describeWorkload(type, name, props);
                    const why = ways === 0
                        ? "with neither topologySpreadConstraints nor pod anti-affinity"
                        : "but no topologySpreadConstraint has a labelSelector matching its pod template labels, and no pod anti-affinity term selects those labels with topologyKey kubernetes.io/hostname or topology.kubernetes.io/zone";
                    const runs = size.autoscaled
                        ? `at least ${size.replicas} replicas (its HorizontalPodAutoscaler's minReplicas)`
                        : `${size.replicas} replicas`;
                    report(`${where} runs ${runs} ${why}, so the scheduler may place them all on one node: add topologySpreadConstraints (topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname, maxSkew: 1) with a labelSelector matching the pod template labels.`);
                });
            });
        }
    },
});
