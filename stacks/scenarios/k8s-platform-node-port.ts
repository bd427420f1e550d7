import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.core.v1.ServiceSpec;

export default scenario({
    description: "The storefront Service is of type NodePort, opening a port on every node",
    violations: [["kubernetes-service-disallow-node-port", "storefront"]],
    patches: [patch<k8s.core.v1.ServiceArgs>("kubernetes:core/v1:Service", "storefront", (a) => {
        (a.spec as Spec).type = "NodePort";
    })],
});
