import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/iam/disallow-wildcard-admin";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const POLICY = "aws:iam/policy:Policy";
const document = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const readLogs = { Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: "arn:aws:logs:us-east-1:123456789012:log-group:app:*" };
const admin = { Effect: "Allow", Action: "*", Resource: "*" };

describe("aws-iam-disallow-wildcard-admin", () => {
    it("passes scoped statements, and Deny * on *", () => {
        const props: aws.iam.PolicyArgs = { policy: document(readLogs, { Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }) };
        expect(checkResource(policy, { type: POLICY, props }).violations).toEqual([]);
    });
    it("fires on Allow * on * in a JSON string", () => {
        expect(checkResource(policy, { type: POLICY, name: "ops", props: { policy: document(readLogs, admin) } }).violations)
            .toEqual([expect.stringContaining("IAM policy 'ops' statement #2 allows Action \"*\" on Resource \"*\"")]);
    });
    it("fires on a document object with lists, and on role, user and group inline policies", () => {
        const props: aws.iam.RolePolicyArgs = { role: "app", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "*:*"], Resource: ["*"] }] } };
        for (const type of ["aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"]) {
            expect(checkResource(policy, { type, props }).violations).toHaveLength(1);
        }
    });
    it("fires on a role's inlinePolicies", () => {
        const role: aws.iam.RoleArgs = { assumeRolePolicy: document({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }), inlinePolicies: [{ name: "everything", policy: document(admin) }] };
        expect(checkResource(policy, { type: "aws:iam/role:Role", name: "app", props: role }).violations).toEqual([expect.stringContaining("role 'app' inline policy 'everything' statement #1")]);
    });
    it("fires on a document that is not JSON, without crashing", () => {
        expect(checkResource(policy, { type: POLICY, props: { policy: "{not json" } }).violations).toEqual([expect.stringContaining("not valid JSON")]);
    });
    it("fires when the policy document is omitted", () => {
        expect(checkResource(policy, { type: POLICY, props: {} }).violations).toEqual([expect.stringContaining("unset, not a policy document")]);
    });
    it("reports a document unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: POLICY, props: { policy: UNKNOWN } }).unknown).toBeDefined();
    });
});
