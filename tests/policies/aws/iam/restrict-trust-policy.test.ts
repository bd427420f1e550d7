import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/iam/restrict-trust-policy";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const ROLE = "aws:iam/role:Role";
type Statement = aws.iam.PolicyStatement;
const role = (...statements: Statement[]): aws.iam.RoleArgs => ({ assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });
const service: Statement = { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" };

describe("aws-iam-restrict-trust-policy", () => {
    it("passes a service principal, a named account, and a wildcard narrowed by a Condition", () => {
        const props = role(service, { Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:role/deployer" }, Action: "sts:AssumeRole" },
            { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } });
        expect(checkResource(policy, { type: ROLE, props }).violations).toEqual([]);
    });
    it("passes Deny statements and wildcards on actions that do not assume the role", () => {
        const props = role(service, { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }, { Effect: "Allow", Principal: "*", Action: "sts:TagSession" });
        expect(checkResource(policy, { type: ROLE, props }).violations).toEqual([]);
    });
    it("fires on Principal \"*\" and on { AWS: \"*\" } without a Condition", () => {
        expect(checkResource(policy, { type: ROLE, name: "app", props: role(service, { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }) }).violations)
            .toEqual([expect.stringContaining("IAM role 'app' trust policy statement #2 allows sts:AssumeRole to Principal \"*\" without a Condition")]);
        expect(checkResource(policy, { type: ROLE, props: role({ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::210987654321:root", "*"] }, Action: ["sts:AssumeRoleWithWebIdentity"], Condition: {} }) }).violations)
            .toEqual([expect.stringContaining("allows sts:AssumeRoleWithWebIdentity to Principal { AWS: \"*\" }")]);
    });
    it("fires on action wildcards, on NotAction, and on NotPrincipal", () => {
        expect(checkResource(policy, { type: ROLE, props: role({ Effect: "Allow", Principal: "*", Action: "sts:*" }) }).violations)
            .toEqual([expect.stringContaining("sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML")]);
        expect(checkResource(policy, { type: ROLE, props: role({ Effect: "Allow", Principal: "*", Action: "STS:assumerole*" }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: ROLE, props: role({ Effect: "Allow", Principal: "*", NotAction: "sts:AssumeRoleWithSAML" }) }).violations)
            .toEqual([expect.stringContaining("allows sts:AssumeRole, sts:AssumeRoleWithWebIdentity to")]);
        expect(checkResource(policy, { type: ROLE, props: role({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::210987654321:root" }, Action: "sts:AssumeRole" }) }).violations)
            .toEqual([expect.stringContaining("NotPrincipal")]);
    });
    it("reads a document given as an object and a single statement", () => {
        const props: aws.iam.RoleArgs = { assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }] } };
        expect(checkResource(policy, { type: ROLE, props }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: ROLE, props: { assumeRolePolicy: JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" } }) } }).violations).toHaveLength(1);
    });
    it("reports an omitted, invalid or statement-less trust policy as unreadable", () => {
        expect(checkResource(policy, { type: ROLE, props: {} }).violations).toEqual([expect.stringContaining("is unset, so who may assume the role cannot be checked")]);
        expect(checkResource(policy, { type: ROLE, props: { assumeRolePolicy: "{" } }).violations).toEqual([expect.stringContaining("is not valid JSON")]);
        expect(checkResource(policy, { type: ROLE, props: { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) } }).violations).toEqual([expect.stringContaining("Statement, not a list")]);
        expect(checkResource(policy, { type: ROLE, props: { assumeRolePolicy: JSON.stringify({ Statement: ["*"] }) } }).violations).toEqual([expect.stringContaining("not an object")]);
    });
    it("reports a trust policy unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: ROLE, props: { assumeRolePolicy: UNKNOWN } satisfies aws.iam.RoleArgs }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        const props = role({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" });
        expect(checkResource(policy, { type: ROLE, name: "legacy", props, config: { exemptions: [{ resource: "legacy", reason: "removed next sprint" }] } }).notApplicable).toContain("removed next sprint");
    });
});
