import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

type DeploymentSpec = k8s.types.input.apps.v1.DeploymentSpec;
type BudgetSpec = k8s.types.input.policy.v1.PodDisruptionBudgetSpec;
type ServiceSpec = k8s.types.input.core.v1.ServiceSpec;

export default scenario({
    description: "The storefront runs a fixed 3 replicas without its autoscaler, is rolled out with Recreate, packed onto any node, pulled from a cached tag, given no priority, probed on a port it does not name and run as an undeclared ServiceAccount; its budget forbids every eviction and its Service targets a port no container names",
    violations: [
        ["kubernetes-availability-restrict-rollout-unavailability", "storefront"],
        ["kubernetes-availability-require-topology-spread", "storefront"],
        ["kubernetes-workload-require-image-pull-policy", "storefront"],
        ["kubernetes-workload-require-priority-class", "storefront"],
        ["kubernetes-workload-require-exposed-probe-ports", "storefront"],
        ["kubernetes-workload-require-existing-service-account", "storefront"],
        ["kubernetes-availability-disallow-blocking-disruption-budgets", "storefront-pdb"],
        ["kubernetes-availability-require-unhealthy-pod-eviction", "storefront-pdb"],
        ["kubernetes-service-require-exposed-target-ports", "storefront"],
    ],
    // A fixed count, as the spread policy judges the replicas a workload declares.
    omit: ["storefront-hpa"],
    patches: [
        patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
            (a.spec as DeploymentSpec).replicas = 3;
            (a.spec as DeploymentSpec).strategy = { type: "Recreate" };
            const { pod, container } = storefrontParts(a);
            delete pod.topologySpreadConstraints;
            delete pod.priorityClassName;
            pod.serviceAccountName = "storefront-api";
            container.imagePullPolicy = "IfNotPresent";
            container.readinessProbe = { httpGet: { path: "/ready", port: "health" }, periodSeconds: 5 };
        }),
        patch<k8s.policy.v1.PodDisruptionBudgetArgs>("kubernetes:policy/v1:PodDisruptionBudget", "storefront-pdb", (a) => {
            const spec = a.spec as BudgetSpec;
            delete spec.minAvailable;
            delete spec.unhealthyPodEvictionPolicy;
            spec.maxUnavailable = 0;
        }),
        patch<k8s.core.v1.ServiceArgs>("kubernetes:core/v1:Service", "storefront", (a) => {
            (a.spec as ServiceSpec).ports = [{ name: "http", port: 80, targetPort: "web" }];
        }),
    ],
});
