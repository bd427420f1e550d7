import { scenario } from "../scenario";

export default scenario({
    description: "The storefront Deployment runs 3 replicas with no PodDisruptionBudget, so a node drain may evict them all",
    violations: [["kubernetes-availability-require-pod-disruption-budget", "storefront"]],
    omit: ["storefront-pdb"],
});
