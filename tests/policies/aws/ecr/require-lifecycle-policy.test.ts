import policy from "../../../../policies/aws/ecr/require-lifecycle-policy";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const REPO = "aws:ecr/repository:Repository";
const LP = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const rules = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } }] });

describe("aws-ecr-require-lifecycle-policy", () => {
    it("passes a repository with a lifecycle policy", () => {
        expect(checkStack(policy, [{ type: REPO, name: "api", props: { name: "api" } }, { type: LP, name: "api-lifecycle", props: { repository: "api", policy: rules } }]).violations).toEqual([]);
    });
    it("fires on a repository without one", () => {
        const verdict = checkStack(policy, [{ type: REPO, name: "api", props: { name: "api" } }, { type: LP, name: "other", props: { repository: "worker", policy: rules } }]);
        expect(verdict.violations).toEqual([expect.stringContaining("ECR repository 'api' keeps every image forever")]);
        expect(verdict.urns).toEqual([urnOf(REPO, "api")]);
    });
    it("leaves a reference unknown during preview to the SDK", () => {
        expect(checkStack(policy, [{ type: REPO, name: "api", props: { name: "api" } }, { type: LP, name: "l", props: { repository: UNKNOWN, policy: rules } }]).unknown).toBeDefined();
    });
});
