import { scenario } from "../scenario";

export default scenario({
    description: "The shop namespace has neither LimitRange nor ResourceQuota",
    violations: [["kubernetes-namespace-require-resource-governance", "shop"]],
    omit: ["shop-limits"],
});
