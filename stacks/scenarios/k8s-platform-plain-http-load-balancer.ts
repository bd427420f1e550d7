import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.core.v1.ServiceSpec;

export default scenario({
    description: "The storefront Service becomes a public LoadBalancer serving plain HTTP on port 80, with no certificate on the load balancer",
    violations: [["kubernetes-service-require-load-balancer-tls", "storefront"]],
    patches: [patch<k8s.core.v1.ServiceArgs>("kubernetes:core/v1:Service", "storefront", (a) => {
        (a.spec as Spec).type = "LoadBalancer";
    })],
});
