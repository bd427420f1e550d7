import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes, percentage } from "../../lib/kubernetes";
import { at, describeType, integer, record, text } from "../../lib/values";

const DEPLOYMENT_VERSIONS = ["apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"];

export default resourcePolicy({
    name: "kubernetes-availability-restrict-rollout-unavailability",
    description: "Deployments roll out without taking every replica down: a RollingUpdate strategy whose maxUnavailable keeps at least one pod serving, not Recreate.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.load-balancer", "003.infrastructure.load-balancer"],
    remediationSteps: "Use spec.strategy.type: RollingUpdate with rollingUpdate.maxUnavailable below the replica count (e.g. 0 with maxSurge: 1, or 25%).",
    tags: ["deployment"],
    config: {
        allowRecreate: {
            type: "boolean",
            default: false,
            description: "Accept strategy type Recreate (every old pod stops before a new one starts). Default false: the highly available backends of 002 and 003 must keep serving during a release.",
        },
        minimumAvailableReplicas: {
            type: "integer",
            minimum: 1,
            maximum: 1000,
            default: 1,
            description: "Replicas a rolling update must keep available (replicas minus maxUnavailable). Default 1: one serving pod behind the load balancer (002, 003) at any time of the rollout.",
        },
    },
    resourceTypes: kindTypes("Deployment", DEPLOYMENT_VERSIONS),
    validate: ({ type, name, props }, config, report) => {
        const strategy = at(props, "spec", "strategy");
        if (strategy === undefined) {
            return; // RollingUpdate with maxUnavailable 25%, rounded down: keeps replicas available
        }
        const where = describeWorkload(type, name, props);
        const strategyType = text(at(strategy, "type")) ?? "RollingUpdate";
        if (strategyType === "Recreate") {
            if (!config.allowRecreate) {
                report(`${where} uses strategy type Recreate, which stops every replica before starting the new ones: use RollingUpdate with maxUnavailable below the replica count.`);
            }
            return;
        }
        const raw = at(strategy, "rollingUpdate", "maxUnavailable");
        if (raw === undefined || record(strategy) === undefined) {
            return;
        }
        const replicasRaw = at(props, "spec", "replicas");
        const replicas = replicasRaw === undefined ? 1 : integer(replicasRaw);
        const count = integer(raw);
        const share = percentage(raw);
        if (count === undefined && share === undefined) {
            report(`${where} sets rollingUpdate.maxUnavailable to ${describeType(raw)}, neither a count nor a percentage: set it to a count such as 0 or 1, or a percentage such as 25%.`);
            return;
        }
        if (replicas === undefined || replicas < 1) {
            return; // kubernetes-workload-disallow-zero-replicas judges the replica count
        }
        // Kubernetes rounds a maxUnavailable percentage down.
        const unavailable = count ?? Math.floor((share! * replicas) / 100);
        const available = replicas - unavailable;
        const needed = Math.min(config.minimumAvailableReplicas, replicas);
        if (available < needed) {
            report(`${where} sets rollingUpdate.maxUnavailable to ${String(raw)} for ${replicas} replica(s), so a rollout may leave ${Math.max(available, 0)} available: set maxUnavailable to at most ${replicas - needed} (raise maxSurge to keep rollouts fast).`);
        }
    },
});
