import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { AutoscalerIndex, describeWorkload, HPA_TYPES, isAutoscalerType, isKind, REPLICATED_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { at, integer } from "../../lib/values";

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
    resourceTypes: [...HPA_TYPES, ...REPLICATED_WORKLOAD_TYPES.filter((type) => isKind(type, "Deployment"))],
    validate: (resources, config, report, context) => {
        // Indexed once: the autoscalers of Deployments, by the Deployment they scale.
        const autoscalers = new AutoscalerIndex<PolicyResource>(["Deployment"]);
        const deployments: PolicyResource[] = [];
        for (const resource of resources) {
            if (isAutoscalerType(resource.type)) {
                autoscalers.add(resource);
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
                const target = autoscalers.targetOf(deployment);
                if (target !== undefined && autoscalers.anyScaling(target)) {
                    return;
                }
                const described = describeWorkload(deployment.type, deployment.name, deployment.props);
                const how = raw === undefined ? "leaves spec.replicas unset (Kubernetes runs 1)" : `runs ${replicas} replica${replicas === 1 ? "" : "s"}`;
                report(`${described} ${how} and no HorizontalPodAutoscaler scales it: set spec.replicas to ${config.minimumReplicas} or more, or add an autoscaler.`, deployment.urn);
            });
        }
    },
});
