import * as k8s from "@pulumi/kubernetes";
import { scenario } from "../scenario";
import { LEGACY, legacyBillingViolations } from "./files/legacy-billing";

export default scenario({
    description: "The legacy billing Deployment installed from a local chart with helm.v4.Chart, which the Kubernetes provider constructs",
    violations: legacyBillingViolations("legacy:shop/billing"),
    components: ["kubernetes"],
    extra: () => {
        new k8s.helm.v4.Chart("legacy", { chart: LEGACY.chart });
    },
});
