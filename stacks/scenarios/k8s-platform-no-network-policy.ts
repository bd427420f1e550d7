import { scenario } from "../scenario";

export default scenario({
    description: "The shop namespace has no NetworkPolicy: any pod in the cluster can reach the storefront",
    violations: [["kubernetes-namespace-require-network-policy", "storefront"]],
    omit: ["shop-default"],
});
