import * as k8s from "@pulumi/kubernetes";
import { scenario } from "../scenario";
import { LEGACY, legacyBillingViolations } from "./files/legacy-billing";

export default scenario({
    description: "The legacy billing Deployment applied from a kustomization with kustomize.v2.Directory, which the Kubernetes provider constructs",
    violations: legacyBillingViolations("legacy:shop/billing"),
    components: ["kubernetes"],
    extra: () => {
        new k8s.kustomize.v2.Directory("legacy", { directory: LEGACY.kustomization });
    },
});
