import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The ECR repository is left at its defaults: mutable tags, no scan on push, no lifecycle policy",
    violations: [
        ["aws-ecr-require-immutable-tags", "app-api-repo"],
        ["aws-ecr-require-scan-on-push", "app-api-repo"],
        ["aws-ecr-require-lifecycle-policy", "app-api-repo"],
    ],
    omit: ["app-api-repo-lifecycle"],
    patches: [patch<aws.ecr.RepositoryArgs>("aws:ecr/repository:Repository", "app-api-repo", (a) => {
        delete a.imageTagMutability;
        delete a.imageScanningConfiguration;
    })],
});
