import * as k8s from "@pulumi/kubernetes";
import { scenario } from "../scenario";

// Hardened like the storefront in every other way: only its namespace is missing.
function cacheWarmer(): void {
    new k8s.batch.v1.CronJob("cache-warmer", {
        metadata: { name: "cache-warmer" },
        spec: {
            schedule: "*/15 * * * *",
            startingDeadlineSeconds: 300,
            jobTemplate: {
                spec: {
                    template: {
                        spec: {
                            restartPolicy: "OnFailure",
                            automountServiceAccountToken: false,
                            securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
                            containers: [{
                                name: "warm",
                                image: "registry.example.com/shop/cache-warmer:1.0.3",
                                imagePullPolicy: "Always",
                                resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
                                securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                            }],
                        },
                    },
                },
            },
        },
    });
}

export default scenario({
    description: "A cache-warming CronJob is declared without a namespace, so it lands in default, outside the shop's network policy and quotas",
    violations: [
        ["kubernetes-workload-disallow-default-namespace", "cache-warmer"],
        ["kubernetes-namespace-require-network-policy", "cache-warmer"],
        ["kubernetes-namespace-require-resource-governance", "cache-warmer"],
        // Outside the shop namespace it can only run as default's own ServiceAccount.
        ["kubernetes-workload-disallow-default-service-account", "cache-warmer"],
    ],
    extra: cacheWarmer,
});
