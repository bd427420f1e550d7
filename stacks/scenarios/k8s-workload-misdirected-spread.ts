import type * as k8s from "@pulumi/kubernetes";
import { APP_LABELS, storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The storefront, which its autoscaler keeps at 3 replicas or more (minReplicas 3, no spec.replicas), has scheduling rules that spread nothing of its own pods: its spread constraint has no labelSelector, and its anti-affinity keeps it away from the cache's pods, and from its own only per operating system",
    violations: [["kubernetes-availability-require-topology-spread", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
        const { pod } = storefrontParts(a);
        pod.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" }];
        pod.affinity = {
            podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { "app.kubernetes.io/name": "cache" } } }],
                preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/os", labelSelector: { matchLabels: APP_LABELS } } }],
            },
        };
    })],
});
