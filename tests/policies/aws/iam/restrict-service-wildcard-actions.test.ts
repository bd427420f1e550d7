import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/iam/restrict-service-wildcard-actions";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const POLICY = "aws:iam/policy:Policy";
const ROLE = "aws:iam/role:Role";
const document = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const scoped = { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::app-uploads/*" };
const identityPolicy = (policyDocument: string): aws.iam.PolicyArgs => ({ policy: policyDocument });

describe("aws-iam-restrict-service-wildcard-actions", () => {
    it("passes named actions, a service wildcard on named resources, denies, and full admin (another policy's concern)", () => {
        expect(checkResource(policy, { type: POLICY, props: identityPolicy(document(scoped)) }).violations).toEqual([]);
        expect(checkResource(policy, { type: POLICY, props: identityPolicy(document({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::app-uploads/*" })) }).violations).toEqual([]);
        expect(checkResource(policy, { type: POLICY, props: identityPolicy(document({ Effect: "Deny", Action: "s3:*", Resource: "*" })) }).violations).toEqual([]);
        expect(checkResource(policy, { type: POLICY, props: identityPolicy(document({ Effect: "Allow", Action: "*", Resource: "*" })) }).violations).toEqual([]);
        expect(checkResource(policy, { type: POLICY, props: identityPolicy(document({ Effect: "Allow", Action: "s3:Get*", Resource: "*" })) }).violations).toEqual([]);
    });
    it("fires on a service-wide wildcard on every resource", () => {
        expect(checkResource(policy, { type: POLICY, name: "ops", props: identityPolicy(document(scoped, { Effect: "Allow", Action: ["s3:*", "dynamodb:*"], Resource: ["*"] })) }).violations)
            .toEqual(["IAM policy 'ops' statement #2 allows \"s3:*\", \"dynamodb:*\" on Resource \"*\", every action of the service on every resource: list the actions the principal needs and name the resources."]);
        expect(checkResource(policy, { type: POLICY, props: identityPolicy(document({ Effect: "Allow", Action: "kms:*", Resource: "arn:aws:*:*:*:*" })) }).violations).toHaveLength(1);
    });
    it("fires on a role's inline policy", () => {
        const role: aws.iam.RoleArgs = { assumeRolePolicy: "{}", inlinePolicies: [{ name: "data", policy: document({ Effect: "Allow", Action: "sqs:*", Resource: "*" }) }] };
        expect(checkResource(policy, { type: ROLE, name: "worker", props: role }).violations).toEqual([expect.stringContaining("role 'worker' inline policy 'data' statement #1 allows \"sqs:*\"")]);
    });
    it("leaves unreadable documents to aws-iam-disallow-wildcard-admin", () => {
        expect(checkResource(policy, { type: POLICY, props: identityPolicy("{") }).violations).toEqual([]);
    });
    it("is unknown when the document is unknown during preview, and ignores unrelated unknowns", () => {
        expect(checkResource(policy, { type: POLICY, props: identityPolicy(UNKNOWN) }).unknown).toBeDefined();
        const role = { assumeRolePolicy: UNKNOWN, inlinePolicies: [{ name: UNKNOWN, policy: document({ Effect: "Allow", Action: "sqs:*", Resource: "*" }) }, UNKNOWN] };
        expect(checkResource(policy, { type: ROLE, props: role }).violations).toEqual([expect.stringContaining("inline policy #1")]);
        expect(checkResource(policy, { type: POLICY, props: { ...identityPolicy(document(scoped)), name: UNKNOWN } }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: POLICY, name: "break-glass", props: identityPolicy(document({ Effect: "Allow", Action: "s3:*", Resource: "*" })), config: { exemptions: [{ resource: "break-glass", reason: "audited break-glass role" }] } }).notApplicable)
            .toContain("audited break-glass role");
    });
});
