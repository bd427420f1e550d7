import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront container keeps the runtime's default capabilities and adds NET_RAW",
    violations: [["kubernetes-workload-require-drop-all-capabilities", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        storefrontParts(a).security.capabilities = { add: ["NET_RAW"] };
    })],
});
