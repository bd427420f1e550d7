import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront container runs privileged and may escalate privileges, as a debugging shortcut left in",
    violations: [
        ["kubernetes-workload-disallow-privileged", "storefront"],
        ["kubernetes-workload-disallow-privilege-escalation", "storefront"],
    ],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        // The API rejects privileged: true together with allowPrivilegeEscalation: false.
        const { security } = storefrontParts(a);
        security.privileged = true;
        security.allowPrivilegeEscalation = true;
    })],
});
