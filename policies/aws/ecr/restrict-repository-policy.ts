import { resourcePolicy } from "../../lib/define";
import { judgeOpenResourcePolicy } from "../../lib/policy-documents";

export default resourcePolicy({
    name: "aws-ecr-restrict-repository-policy",
    description: "ECR repository policies grant nothing to every principal: no Allow statement for Principal \"*\", Principal { AWS: \"*\" } or with NotPrincipal without a Condition, which would let any AWS account pull (or push) the images.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Name the accounts or roles that pull the images in each Allow statement, or keep Principal \"*\" only with a Condition such as aws:PrincipalOrgID; publish public images through ECR Public instead.",
    tags: ["secrets-identity"],
    resourceTypes: ["aws:ecr/repositoryPolicy:RepositoryPolicy"],
    validate: ({ name, props }, _config, report) => {
        const where = `ECR repository policy '${name}'`;
        judgeOpenResourcePolicy(props.policy, {
            unreadable: (why) => `${where}: its policy ${why}, so who may pull the images cannot be checked: set policy to a valid repository policy document.`,
            open: (number, everyone) => `${where} statement #${number} allows ${everyone} without a Condition, so any AWS account may use the repository: name the principals, or add a Condition such as aws:PrincipalOrgID.`,
        }, report);
    },
});
