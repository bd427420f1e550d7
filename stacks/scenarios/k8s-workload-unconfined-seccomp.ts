import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront pod runs without a seccomp profile (Unconfined)",
    violations: [["kubernetes-workload-require-seccomp-profile", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        storefrontParts(a).podSecurity.seccompProfile = { type: "Unconfined" };
    })],
});
