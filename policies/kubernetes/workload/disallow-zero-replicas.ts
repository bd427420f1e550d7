import { resourcePolicy } from "../../lib/define";
import { describeWorkload, isCustomResourceType, isPatch, isReplicatedType, podSpec, REPLICATED_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { at, describeType, integer } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-disallow-zero-replicas",
    description: "Deployments, StatefulSets, ReplicaSets, ReplicationControllers and custom workloads with a pod template and spec.replicas (Argo Rollouts, OpenShift DeploymentConfigs) run at least the minimum number of replicas, never zero.",
    priority: "P1",
    severity: "high",
    checklist: ["001.deployment.auto-scaling-min-1", "002.infrastructure-setup.auto-scaling"],
    remediationSteps: "Set spec.replicas to 1 or more (or leave it unset, which Kubernetes reads as 1).",
    tags: ["availability"],
    config: {
        minimumReplicas: {
            type: "integer",
            minimum: 1,
            maximum: 1000,
            default: 1,
            description: "Smallest spec.replicas accepted. Default 1: 001 asks for a minimum of 1 instance. An omitted spec.replicas counts as 1, as in Kubernetes.",
        },
    },
    resourceTypes: REPLICATED_WORKLOAD_TYPES,
    appliesTo: isReplicatedType,
    validate: ({ type, name, props }, config, report) => {
        // A custom resource is judged when it carries a pod template and sets spec.replicas: its
        // controller's default for an omitted count is its own (Knative scales on requests).
        const custom = isCustomResourceType(type);
        if (custom && !podSpec(type, props)) {
            return;
        }
        const raw = at(props, "spec", "replicas");
        if (raw === undefined && (isPatch(type) || custom)) {
            return;
        }
        const workload = describeWorkload(type, name, props);
        const replicas = raw === undefined ? 1 : integer(raw);
        if (replicas === undefined) {
            report(`${workload} sets spec.replicas to ${describeType(raw)}, not a whole number: set it to ${config.minimumReplicas} or more.`);
        } else if (replicas === 0) {
            report(`${workload} sets spec.replicas to 0, so nothing serves: set it to ${config.minimumReplicas} or more (a HorizontalPodAutoscaler also stops scaling a workload at 0).`);
        } else if (replicas < config.minimumReplicas) {
            const how = raw === undefined ? "leaves spec.replicas unset (Kubernetes runs 1)" : `sets spec.replicas to ${replicas}`;
            report(`${workload} ${how}, below the minimum of ${config.minimumReplicas}: set spec.replicas to ${config.minimumReplicas} or more.`);
        }
    },
});
