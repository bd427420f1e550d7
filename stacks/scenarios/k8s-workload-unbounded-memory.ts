import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront container has no memory limit: one leak can starve the node",
    violations: [["kubernetes-workload-require-resource-limits", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        const { container } = storefrontParts(a);
        container.resources = { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1" } };
    })],
});
