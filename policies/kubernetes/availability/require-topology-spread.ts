import { resourcePolicy } from "../../lib/define";
import { describeWorkload, isPatch, isReplicatedType, podSpec, REPLICATED_WORKLOAD_TYPES, unlessWorkloadListed, allowedWorkloadsSetting } from "../../lib/kubernetes";
import { at, isGiven, integer } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-availability-require-topology-spread",
    description: "Workloads that run several replicas spread them across nodes or zones (topologySpreadConstraints or pod anti-affinity), so one node or zone failing does not take every replica down.",
    priority: "P2",
    severity: "low",
    checklist: ["002.infrastructure-setup.load-balancer"],
    remediationSteps: "Add spec.template.spec.topologySpreadConstraints (e.g. topologyKey: topology.kubernetes.io/zone, maxSkew: 1) or a podAntiAffinity rule on the pod labels.",
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
            if (isGiven(spec.topologySpreadConstraints)) {
                return;
            }
            const antiAffinity = at(spec.affinity, "podAntiAffinity");
            if (isGiven(at(antiAffinity, "requiredDuringSchedulingIgnoredDuringExecution")) || isGiven(at(antiAffinity, "preferredDuringSchedulingIgnoredDuringExecution"))) {
                return;
            }
            report(`${describeWorkload(type, name, props)} runs ${replicas} replicas with neither topologySpreadConstraints nor pod anti-affinity, so the scheduler may place them all on one node: add topologySpreadConstraints (topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname, maxSkew: 1) to the pod template.`);
        });
    },
});
