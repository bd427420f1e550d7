import { stackPolicy } from "../../lib/define";
import { byType, LinkIndex } from "../../lib/edge";

export default stackPolicy({
    name: "aws-ecr-require-lifecycle-policy",
    description: "Every ECR repository has a lifecycle policy that expires old images, keeping the recent versions a rollback needs.",
    priority: "P2",
    severity: "low",
    checklist: ["003.cost-management.resource-cleanup", "004.rollback-preparation.previous-version-available"],
    remediationSteps: "Add an aws.ecr.LifecyclePolicy with repository: <repository>.name that keeps the last N tagged images and expires untagged ones.",
    tags: ["cost"],
    resourceTypes: ["aws:ecr/repository:Repository", "aws:ecr/lifecyclePolicy:LifecyclePolicy"],
    validate: (resources, _config, report, context) => {
        const ofType = byType(resources);
        const repositories = ofType("aws:ecr/repository:Repository");
        const policies = new LinkIndex(repositories, ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy"), "repository", context);
        for (const repo of repositories) {
            context.judge(repo, () => {
                if (!policies.links(repo, () => [repo.props.name])) {
                    report(`ECR repository '${repo.name}' keeps every image forever: add an aws.ecr.LifecyclePolicy with repository: ${repo.name}.name that keeps the last tagged images.`, repo.urn);
                }
            });
        }
    },
});
