import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.apps.v1.DeploymentSpec;

export default scenario({
    description: "The storefront Deployment runs a single replica and its autoscaler is gone",
    violations: [
        ["kubernetes-availability-restrict-single-replica", "storefront"],
        // Its budget keeps minAvailable: 2 of the one pod left, so no node holding it can be drained.
        ["kubernetes-availability-disallow-blocking-disruption-budgets", "storefront-pdb"],
    ],
    omit: ["storefront-hpa"],
    patches: [patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
        (a.spec as Spec).replicas = 1;
    })],
});
