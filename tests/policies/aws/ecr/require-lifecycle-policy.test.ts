import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecr/require-lifecycle-policy";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const REPO = "aws:ecr/repository:Repository";
const LP = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const rules = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } }] });
const repository = (name: string): StackResource => ({ type: REPO, name, props: { name } satisfies aws.ecr.RepositoryArgs });
const lifecycle = (name: string, repo: string, propertyDependencies?: Record<string, string[]>): StackResource => ({
    type: LP, name, props: { repository: repo, policy: rules } satisfies aws.ecr.LifecyclePolicyArgs, propertyDependencies,
});

describe("aws-ecr-require-lifecycle-policy", () => {
    it("passes a repository with a lifecycle policy", () => {
        expect(checkStack(policy, [repository("api"), lifecycle("api-lifecycle", "api")]).violations).toEqual([]);
    });
    it("fires on a repository without one", () => {
        const verdict = checkStack(policy, [repository("api"), lifecycle("other", "worker")]);
        expect(verdict.violations).toEqual([expect.stringContaining("ECR repository 'api' keeps every image forever")]);
        expect(verdict.urns).toEqual([urnOf(REPO, "api")]);
    });
    it("fires on a repository when no lifecycle policy exists at all (omitted)", () => {
        expect(checkStack(policy, [repository("api")]).violations).toEqual([expect.stringContaining("ECR repository 'api' keeps every image forever")]);
    });
    it("links a lifecycle policy through the property graph although the repository name is unknown", () => {
        const verdict = checkStack(policy, [repository("api"), lifecycle("api-lifecycle", UNKNOWN, { repository: [urnOf(REPO, "api")] })]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknown).toBeUndefined();
    });
    it("reports a policy whose repository is unknown and not in the graph as unknown, with the repositories it could name", () => {
        const verdict = checkStack(policy, [repository("api"), lifecycle("l", UNKNOWN)]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(LP, "l"), urnOf(REPO, "api")]);
    });
    it("judges every repository it can when one name is unknown: known-bad fire, known-good pass, only the unknown one is unknown", () => {
        const pending: StackResource = { type: REPO, name: "pending", props: { name: UNKNOWN } satisfies aws.ecr.RepositoryArgs };
        const verdict = checkStack(policy, [pending, repository("api"), repository("worker"), lifecycle("api-lifecycle", "api")]);
        expect(verdict.violations).toEqual([expect.stringContaining("ECR repository 'worker' keeps every image forever")]);
        expect(verdict.urns).toEqual([urnOf(REPO, "worker")]);
        expect(verdict.unknownUrns).toEqual([urnOf(REPO, "pending")]);
    });
});
