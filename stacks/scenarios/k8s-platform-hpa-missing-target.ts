import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

type Spec = k8s.types.input.autoscaling.v2.HorizontalPodAutoscalerSpec;

export default scenario({
    description: "The storefront autoscaler targets a Deployment 'storefront-v2' that the stack does not declare, while the storefront runs a fixed 3 replicas",
    violations: [["kubernetes-hpa-require-existing-target", "storefront-hpa"]],
    patches: [
        patch<k8s.autoscaling.v2.HorizontalPodAutoscalerArgs>("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "storefront-hpa", (a) => {
            (a.spec as Spec).scaleTargetRef = { apiVersion: "apps/v1", kind: "Deployment", name: "storefront-v2" };
        }),
        // Left without its autoscaler, the storefront keeps the fixed count it would otherwise get from it.
        patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
            (a.spec as k8s.types.input.apps.v1.DeploymentSpec).replicas = 3;
        }),
    ],
});
