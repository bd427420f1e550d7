import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront runs registry.example.com/shop/storefront:latest, so a rollback cannot name the previous image",
    violations: [["kubernetes-workload-disallow-mutable-image-tags", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        storefrontParts(a).container.image = "registry.example.com/shop/storefront:latest";
    })],
});
