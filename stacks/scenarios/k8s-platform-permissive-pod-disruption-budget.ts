import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.policy.v1.PodDisruptionBudgetSpec;

export default scenario({
    description: "The storefront PodDisruptionBudget allows all 3 replicas to be unavailable (maxUnavailable: 100%)",
    violations: [["kubernetes-availability-require-pod-disruption-budget", "storefront-pdb"]],
    patches: [patch<k8s.policy.v1.PodDisruptionBudgetArgs>("kubernetes:policy/v1:PodDisruptionBudget", "storefront-pdb", (a) => {
        const spec = a.spec as Spec;
        delete spec.minAvailable;
        spec.maxUnavailable = "100%";
    })],
});
