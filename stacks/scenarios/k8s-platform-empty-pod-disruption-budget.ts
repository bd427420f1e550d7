import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.policy.v1.PodDisruptionBudgetSpec;

export default scenario({
    description: "The storefront PodDisruptionBudget sets neither minAvailable nor maxUnavailable, so the disruption controller allows no eviction and every node drain hangs",
    violations: [
        ["kubernetes-availability-disallow-blocking-disruption-budgets", "storefront-pdb"],
        // A budget that blocks every eviction protects nothing: the replicas count as unprotected.
        ["kubernetes-availability-require-pod-disruption-budget", "storefront-pdb"],
    ],
    patches: [patch<k8s.policy.v1.PodDisruptionBudgetArgs>("kubernetes:policy/v1:PodDisruptionBudget", "storefront-pdb", (a) => {
        delete (a.spec as Spec).minAvailable;
    })],
});
