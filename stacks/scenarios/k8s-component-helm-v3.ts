import * as k8s from "@pulumi/kubernetes";
import { scenario } from "../scenario";
import { LEGACY, legacyBillingViolations } from "./files/legacy-billing";

export default scenario({
    description: "The legacy billing Deployment installed from a local chart with helm.v3.Chart, which the Kubernetes provider renders",
    violations: legacyBillingViolations("shop/billing"),
    components: ["kubernetes"],
    extra: () => {
        new k8s.helm.v3.Chart("legacy", { path: LEGACY.chart });
    },
});
