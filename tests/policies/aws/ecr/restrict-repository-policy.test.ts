import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecr/restrict-repository-policy";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ecr/repositoryPolicy:RepositoryPolicy";
const pull = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability"];
const document = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const crossAccount = { Sid: "ProdPull", Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:root" }, Action: pull };
const repositoryPolicy = (policyDocument: string): aws.ecr.RepositoryPolicyArgs => ({ repository: "api", policy: policyDocument });

describe("aws-ecr-restrict-repository-policy", () => {
    it("passes named principals, and a wildcard narrowed by a Condition", () => {
        expect(checkResource(policy, { type: T, props: repositoryPolicy(document(crossAccount)) }).violations).toEqual([]);
        const org = { Effect: "Allow", Principal: "*", Action: pull, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } };
        expect(checkResource(policy, { type: T, props: repositoryPolicy(document(org)) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: repositoryPolicy(document({ Effect: "Deny", Principal: "*", Action: "ecr:*" })) }).violations).toEqual([]);
    });
    it.each([
        ["Principal \"*\"", "*"],
        ["Principal { AWS: \"*\" }", { AWS: "*" }],
        ["Principal { AWS: \"*\" }", { AWS: ["arn:aws:iam::210987654321:root", "*"] }],
    ])("fires on %s without a Condition", (whom, principal) => {
        expect(checkResource(policy, { type: T, name: "api-policy", props: repositoryPolicy(document(crossAccount, { Effect: "Allow", Principal: principal, Action: pull, Condition: {} })) }).violations)
            .toEqual([`ECR repository policy 'api-policy' statement #2 allows ${whom} without a Condition, so any AWS account may use the repository: name the principals, or add a Condition such as aws:PrincipalOrgID.`]);
    });
    it("fires on NotPrincipal", () => {
        expect(checkResource(policy, { type: T, props: repositoryPolicy(document({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, Action: pull })) }).violations)
            .toEqual([expect.stringContaining("allows NotPrincipal")]);
    });
    it("fires on a policy that cannot be read, or is omitted", () => {
        expect(checkResource(policy, { type: T, props: repositoryPolicy("{") }).violations).toEqual([expect.stringContaining("is not valid JSON")]);
        expect(checkResource(policy, { type: T, props: { repository: "api" } }).violations).toEqual([expect.stringContaining("is unset")]);
    });
    it("is unknown when the policy is unknown during preview, and ignores an unknown repository name", () => {
        expect(checkResource(policy, { type: T, props: repositoryPolicy(UNKNOWN) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: { ...repositoryPolicy(document(crossAccount)), repository: UNKNOWN } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...repositoryPolicy(document({ Effect: "Allow", Principal: "*", Action: pull })), repository: UNKNOWN } }).violations).toHaveLength(1);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "public-tools", props: repositoryPolicy(document({ Effect: "Allow", Principal: "*", Action: pull })), config: { exemptions: [{ resource: "public-tools", reason: "open-source tooling images" }] } }).notApplicable)
            .toContain("open-source tooling images");
    });
});
