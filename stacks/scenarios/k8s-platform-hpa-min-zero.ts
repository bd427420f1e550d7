import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.autoscaling.v2.HorizontalPodAutoscalerSpec;

export default scenario({
    description: "The storefront autoscaler may scale the Deployment down to zero pods (minReplicas: 0)",
    violations: [["kubernetes-hpa-require-min-replicas", "storefront-hpa"]],
    patches: [patch<k8s.autoscaling.v2.HorizontalPodAutoscalerArgs>("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "storefront-hpa", (a) => {
        (a.spec as Spec).minReplicas = 0;
    })],
});
