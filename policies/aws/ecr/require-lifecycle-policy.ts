import { ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

export default stackPolicy({
    name: "aws-ecr-require-lifecycle-policy",
    description: "Every ECR repository has a lifecycle policy that expires old images, keeping the recent versions a rollback needs.",
    priority: "P2",
    severity: "low",
    checklist: ["003.cost-management.resource-cleanup", "004.rollback-preparation.previous-version-available"],
    remediationSteps: "Add an aws.ecr.LifecyclePolicy with repository: <repository>.name that keeps the last N tagged images and expires untagged ones.",
    tags: ["cost"],
    validate: (resources, _config, report) => {
        const repositories = ofTypes(resources, ["aws:ecr/repository:Repository"]);
        const policies = ofTypes(resources, ["aws:ecr/lifecyclePolicy:LifecyclePolicy"]);
        for (const repo of unlinkedTargets(repositories, policies, "repository", (r) => [r.props.name])) {
            report(`ECR repository '${repo.name}' keeps every image forever: add an aws.ecr.LifecyclePolicy with repository: ${repo.name}.name that keeps the last tagged images.`, repo.urn);
        }
    },
});
