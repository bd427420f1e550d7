import { resourcePolicy } from "../../lib/define";
import {
    allowedWorkloadsSetting, describeWorkload, isPatch, isReplicatedType, namespaceOrDefault, podSpec, REPLICATED_WORKLOAD_TYPES,
    selectorMatches, templateLabels, unlessWorkloadListed,
} from "../../lib/kubernetes";
import { anyPasses, known } from "../../lib/unknowns";
import { at, integer, isDeclared, list, record, text } from "../../lib/values";

/** Node labels that separate failure domains: the node itself, and the zone (with its deprecated beta label). */
const SPREADING_KEYS = ["kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"];

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

export default resourcePolicy({
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
    resourceTypes: REPLICATED_WORKLOAD_TYPES,
    appliesTo: isReplicatedType,
    validate: ({ type, name, props }, config, report) => {
        const replicas = integer(at(props, "spec", "replicas"));
        if (replicas === undefined || replicas < config.minimumReplicas || isPatch(type)) {
            return; // omitted means 1; malformed counts are kubernetes-workload-disallow-zero-replicas' to report
        }
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        unlessWorkloadListed(config.allowedWorkloads, { name, props }, report, (report) => {
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
            if (anyPasses(candidates, (spreads) => spreads())) {
                return;
            }
            const where = describeWorkload(type, name, props);
            const why = candidates.length === 0
                ? "with neither topologySpreadConstraints nor pod anti-affinity"
                : "but no topologySpreadConstraint has a labelSelector matching its pod template labels, and no pod anti-affinity term selects those labels with topologyKey kubernetes.io/hostname or topology.kubernetes.io/zone";
            report(`${where} runs ${replicas} replicas ${why}, so the scheduler may place them all on one node: add topologySpreadConstraints (topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname, maxSkew: 1) with a labelSelector matching the pod template labels.`);
        });
    },
});
