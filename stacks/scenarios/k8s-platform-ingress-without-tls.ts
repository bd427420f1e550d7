import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.networking.v1.IngressSpec;

export default scenario({
    description: "The storefront Ingress serves shop.example.com over plain HTTP: no spec.tls",
    violations: [["kubernetes-ingress-require-tls", "storefront"]],
    patches: [patch<k8s.networking.v1.IngressArgs>("kubernetes:networking.k8s.io/v1:Ingress", "storefront", (a) => {
        delete (a.spec as Spec).tls;
    })],
});
