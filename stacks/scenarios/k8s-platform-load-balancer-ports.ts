import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.core.v1.ServiceSpec;

export default scenario({
    description: "The storefront Service becomes a public LoadBalancer that also exposes the app port 8080",
    violations: [
        ["kubernetes-service-restrict-load-balancer-ports", "storefront"],
        // Both ports carry plain HTTP: no certificate terminates TLS on the load balancer.
        ["kubernetes-service-require-load-balancer-tls", "storefront"],
    ],
    patches: [patch<k8s.core.v1.ServiceArgs>("kubernetes:core/v1:Service", "storefront", (a) => {
        const spec = a.spec as Spec;
        spec.type = "LoadBalancer";
        spec.ports = [
            { name: "http", port: 80, targetPort: "http" },
            { name: "direct", port: 8080, targetPort: "http" },
        ];
    })],
});
