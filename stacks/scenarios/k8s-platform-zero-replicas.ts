import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.apps.v1.DeploymentSpec;

export default scenario({
    description: "The storefront Deployment is scaled to zero replicas, which also stops its autoscaler",
    violations: [
        ["kubernetes-workload-disallow-zero-replicas", "storefront"],
        // The autoscaler still names it, and every apply would set the count back to zero.
        ["kubernetes-hpa-disallow-static-replicas", "storefront"],
    ],
    patches: [patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
        (a.spec as Spec).replicas = 0;
    })],
});
