import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.apps.v1.DeploymentSpec;

export default scenario({
    description: "The storefront Deployment pins spec.replicas to 3 although its autoscaler scales it: every apply resets the scale",
    violations: [["kubernetes-hpa-disallow-static-replicas", "storefront"]],
    patches: [patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
        (a.spec as Spec).replicas = 3;
    })],
});
