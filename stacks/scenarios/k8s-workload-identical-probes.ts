import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The storefront's liveness probe repeats its readiness check, so a slow dependency restarts every pod",
    violations: [["kubernetes-workload-disallow-identical-probes", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
        const { container } = storefrontParts(a);
        container.livenessProbe = { httpGet: { path: "/ready", port: 8080 }, periodSeconds: 10, failureThreshold: 3 };
    })],
});
