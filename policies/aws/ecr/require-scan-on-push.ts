import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { at } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecr-require-scan-on-push",
    description: "ECR repositories scan every pushed image for vulnerabilities.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.code-quality-testing.docker-image-scanned", "002.security-testing.vulnerability-scanning"],
    remediationSteps: "Set imageScanningConfiguration: { scanOnPush: true } (or enable enhanced scanning for the registry).",
    tags: ["workload-security"],
    resourceTypes: ["aws:ecr/repository:Repository"],
    validate: ({ name, props }, _config, report) => {
        requireTrue(at(props.imageScanningConfiguration, "scanOnPush"), `ECR repository '${name}'`, "imageScanningConfiguration.scanOnPush",
            "so pushed images are not scanned", "set imageScanningConfiguration: { scanOnPush: true }", report);
    },
});
