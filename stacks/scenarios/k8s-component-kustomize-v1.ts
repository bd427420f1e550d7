import * as k8s from "@pulumi/kubernetes";
import { scenario } from "../scenario";
import { LEGACY, legacyBillingViolations } from "./files/legacy-billing";

export default scenario({
    description: "The legacy billing Deployment applied from a kustomization with kustomize.Directory, which the Kubernetes provider renders",
    violations: legacyBillingViolations("shop/billing"),
    components: ["kubernetes"],
    extra: () => {
        new k8s.kustomize.Directory("legacy", { directory: LEGACY.kustomization });
    },
});
