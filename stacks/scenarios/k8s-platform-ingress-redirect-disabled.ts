import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Meta = k8s.types.input.meta.v1.ObjectMeta;

export default scenario({
    description: "The storefront Ingress keeps TLS but turns ingress-nginx's HTTP-to-HTTPS redirect off",
    violations: [["kubernetes-ingress-require-tls", "storefront"]],
    patches: [patch<k8s.networking.v1.IngressArgs>("kubernetes:networking.k8s.io/v1:Ingress", "storefront", (a) => {
        (a.metadata as Meta).annotations = { "nginx.ingress.kubernetes.io/ssl-redirect": "false" };
    })],
});
