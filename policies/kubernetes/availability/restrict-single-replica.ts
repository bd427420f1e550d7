import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, namespaceOrDefault, REPLICATED_WORKLOAD_TYPES, scaleTargetOf } from "../../lib/kubernetes";
import { anyPasses, known } from "../../lib/unknowns";
import { at, integer, text } from "../../lib/values";

const REPLICATED = new Set(REPLICATED_WORKLOAD_TYPES);

export default stackPolicy({
    name: "kubernetes-availability-restrict-single-replica",
    description: "Deployments run more than one replica or are scaled by a HorizontalPodAutoscaler, so one pod failing or being evicted does not take the service down.",
    priority: "P2",
    severity: "low",
    checklist: ["002.infrastructure-setup.load-balancer", "002.infrastructure-setup.auto-scaling", "003.infrastructure.load-balancer"],
    remediationSteps: "Set spec.replicas to 2 or more, or add a HorizontalPodAutoscaler whose scaleTargetRef names the Deployment.",
    tags: ["availability"],
    config: {
        minimumReplicas: {
            type: "integer",
            minimum: 2,
            maximum: 1000,
            default: 2,
            description: "Replica count below which a Deployment without an autoscaler is reported. Default 2: 002 asks for a load balancer configured for high availability, which needs more than one instance behind it.",
        },
    },
    validate: (resources, config, report, context) => {
        // Indexed once: autoscalers by the namespace/name of the Deployment they scale. One whose
        // target is unknown during preview may scale any Deployment.
        const scaled = new Set<string>();
        const scalingUnknown: PolicyResource[] = [];
        const deployments: PolicyResource[] = [];
        for (const resource of resources) {
            if (isKind(resource.type, "HorizontalPodAutoscaler") && resource.type.startsWith("kubernetes:autoscaling/")) {
                const target = known(() => scaleTargetOf(resource.props));
                if (!target) {
                    scalingUnknown.push(resource);
                } else if (target.value?.kind === "Deployment") {
                    scaled.add(`${target.value.namespace}/${target.value.name}`);
                }
            } else if (REPLICATED.has(resource.type) && isKind(resource.type, "Deployment")) {
                deployments.push(resource);
            }
        }
        for (const deployment of deployments) {
            context.judge(deployment, () => {
                const raw = at(deployment.props, "spec", "replicas");
                const replicas = raw === undefined ? 1 : integer(raw);
                // Zero and non-numeric counts are kubernetes-workload-disallow-zero-replicas' to report.
                if (replicas === undefined || replicas < 1 || replicas >= config.minimumReplicas) {
                    return;
                }
                // The name and namespace only find the autoscalers: with none in the stack they decide nothing.
                const name = scaled.size > 0 || scalingUnknown.length > 0 ? text(at(deployment.props, "metadata", "name")) : undefined;
                if (name !== undefined) {
                    const key = `${namespaceOrDefault(deployment.props)}/${name}`;
                    if (scaled.has(key) || anyPasses(scalingUnknown, (hpa) => {
                        const target = scaleTargetOf(hpa.props);
                        return target?.kind === "Deployment" && `${target.namespace}/${target.name}` === key;
                    })) {
                        return;
                    }
                }
                const described = describeWorkload(deployment.type, deployment.name, deployment.props);
                const how = raw === undefined ? "leaves spec.replicas unset (Kubernetes runs 1)" : `runs ${replicas} replica${replicas === 1 ? "" : "s"}`;
                report(`${described} ${how} and no HorizontalPodAutoscaler scales it: set spec.replicas to ${config.minimumReplicas} or more, or add an autoscaler.`, deployment.urn);
            });
        }
    },
});
