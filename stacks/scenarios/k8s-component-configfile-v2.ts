import * as k8s from "@pulumi/kubernetes";
import { scenario } from "../scenario";
import { LEGACY, legacyBillingViolations } from "./files/legacy-billing";

export default scenario({
    description: "The legacy billing Deployment applied through a yaml.v2 ConfigFile, whose children the Kubernetes provider constructs",
    violations: legacyBillingViolations("legacy:shop/billing"),
    components: ["kubernetes"],
    extra: () => {
        new k8s.yaml.v2.ConfigFile("legacy", { file: LEGACY.manifest });
    },
});
