import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront pods are killed at once on rollout (terminationGracePeriodSeconds: 0), dropping in-flight requests",
    violations: [["kubernetes-workload-disallow-zero-termination-grace", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        storefrontParts(a).pod.terminationGracePeriodSeconds = 0;
    })],
});
