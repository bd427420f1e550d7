import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront's database password is written into the Deployment instead of read from its Secret",
    violations: [["kubernetes-workload-disallow-plaintext-secrets", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        const { container } = storefrontParts(a);
        container.env = [
            { name: "LOG_FORMAT", value: "json" },
            { name: "DATABASE_PASSWORD", value: "correct-horse-battery-staple" },
        ];
    })],
});
