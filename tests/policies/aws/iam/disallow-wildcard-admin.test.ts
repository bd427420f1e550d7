import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/iam/disallow-wildcard-admin";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const POLICY = "aws:iam/policy:Policy";
const PERMISSION_SET = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
type Statement = aws.iam.PolicyStatement;
const document = (...statements: Statement[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const readLogs: Statement = { Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: "arn:aws:logs:us-east-1:123456789012:log-group:app:*" };
const admin: Statement = { Effect: "Allow", Action: "*", Resource: "*" };
const ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

describe("aws-iam-disallow-wildcard-admin", () => {
    it("passes scoped statements, service wildcards on one resource, and Deny * on *", () => {
        const props: aws.iam.PolicyArgs = { policy: document(readLogs, { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::app-assets/*" }, { Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }) };
        expect(checkResource(policy, { type: POLICY, props }).violations).toEqual([]);
    });
    it("passes NotAction with Deny, and Allow NotAction on a scoped resource", () => {
        const props: aws.iam.PolicyArgs = { policy: document({ Effect: "Deny", NotAction: "iam:*", Resource: "*" }, { Effect: "Allow", NotAction: "s3:DeleteBucket", Resource: "arn:aws:s3:::app-assets" }) };
        expect(checkResource(policy, { type: POLICY, props }).violations).toEqual([]);
    });
    it("fires on Allow * on * in a JSON string", () => {
        expect(checkResource(policy, { type: POLICY, name: "ops", props: { policy: document(readLogs, admin) } satisfies aws.iam.PolicyArgs }).violations)
            .toEqual([expect.stringContaining("IAM policy 'ops' statement #2 allows Action \"*\" on Resource \"*\"")]);
    });
    it("fires on \"*:*\", on a wildcard ARN for every resource, and on padded wildcards", () => {
        for (const statement of [
            { Effect: "Allow", Action: "*:*", Resource: "*" },
            { Effect: "Allow", Action: ["*"], Resource: "arn:aws:*:*:*:*" },
            { Effect: "Allow", Action: " * ", Resource: [" * "] },
        ] satisfies Statement[]) {
            expect(checkResource(policy, { type: POLICY, props: { policy: document(statement) } satisfies aws.iam.PolicyArgs }).violations).toHaveLength(1);
        }
    });
    it("fires on Allow with NotAction on every resource, and on Allow * with NotResource", () => {
        const props: aws.iam.PolicyArgs = { policy: document({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }, { Effect: "Allow", Action: "*", NotResource: "arn:aws:s3:::audit-logs/*" }) };
        expect(checkResource(policy, { type: POLICY, name: "power", props }).violations).toEqual([
            expect.stringContaining("statement #1 allows every action except its NotAction on Resource \"*\""),
            expect.stringContaining("statement #2 allows Action \"*\" on every resource outside NotResource"),
        ]);
    });
    it("fires on a Statement written as a single object, not a list", () => {
        const props: aws.iam.PolicyArgs = { policy: JSON.stringify({ Version: "2012-10-17", Statement: admin }) };
        expect(checkResource(policy, { type: POLICY, props }).violations).toEqual([expect.stringContaining("statement #1 allows Action \"*\"")]);
    });
    it("fires on a document object with lists, and on role, user and group inline policies", () => {
        const props: aws.iam.RolePolicyArgs = { role: "app", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "*:*"], Resource: ["*"] }] } };
        for (const type of ["aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"]) {
            expect(checkResource(policy, { type, props }).violations).toHaveLength(1);
        }
    });
    it("fires on an IAM Identity Center permission set inline policy", () => {
        const props: aws.ssoadmin.PermissionSetInlinePolicyArgs = { instanceArn: "arn:aws:sso:::instance/ssoins-1", permissionSetArn: "arn:aws:sso:::permissionSet/ssoins-1/ps-1", inlinePolicy: document(admin) };
        expect(checkResource(policy, { type: PERMISSION_SET, name: "ops", props }).violations)
            .toEqual([expect.stringContaining("SSO permission set inline policy 'ops' statement #1 allows Action \"*\"")]);
        expect(checkResource(policy, { type: PERMISSION_SET, props: { ...props, inlinePolicy: document(readLogs) } }).violations).toEqual([]);
    });
    it("fires on a role's inlinePolicies, and skips an entry without a document", () => {
        const role: aws.iam.RoleArgs = { assumeRolePolicy: document({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }), inlinePolicies: [{ name: "everything", policy: document(admin) }, {}] };
        expect(checkResource(policy, { type: "aws:iam/role:Role", name: "app", props: role }).violations).toEqual([expect.stringContaining("role 'app' inline policy 'everything' statement #1")]);
    });
    it("fires on the AWS managed AdministratorAccess policy, attached to a role or through an attachment", () => {
        const role: aws.iam.RoleArgs = { assumeRolePolicy: document({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }), managedPolicyArns: [ADMINISTRATOR_ACCESS] };
        expect(checkResource(policy, { type: "aws:iam/role:Role", name: "app", props: role }).violations).toEqual([expect.stringContaining("role 'app' attaches the AWS managed AdministratorAccess policy")]);
        const attachment: aws.iam.UserPolicyAttachmentArgs = { user: "ops", policyArn: "arn:aws-us-gov:iam::aws:policy/AdministratorAccess" };
        expect(checkResource(policy, { type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", props: attachment }).violations).toHaveLength(1);
        const exclusive: aws.iam.GroupPolicyAttachmentsExclusiveArgs = { groupName: "ops", policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", ADMINISTRATOR_ACCESS] };
        expect(checkResource(policy, { type: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", props: exclusive }).violations).toHaveLength(1);
        const sso: aws.ssoadmin.ManagedPolicyAttachmentArgs = { instanceArn: "i", permissionSetArn: "p", managedPolicyArn: ADMINISTRATOR_ACCESS };
        expect(checkResource(policy, { type: "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment", props: sso }).violations).toHaveLength(1);
        const scoped: aws.iam.RolePolicyAttachmentArgs = { role: "app", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" };
        expect(checkResource(policy, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", props: scoped }).violations).toEqual([]);
    });
    it("reports a document that is not JSON, has no statements or has an unreadable statement as unreadable", () => {
        expect(checkResource(policy, { type: POLICY, props: { policy: "{not json" } }).violations).toEqual([expect.stringContaining("is not valid JSON")]);
        expect(checkResource(policy, { type: POLICY, props: { policy: JSON.stringify({ Version: "2012-10-17" }) } }).violations).toEqual([expect.stringContaining("has no Statement")]);
        expect(checkResource(policy, { type: POLICY, props: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: 7, Resource: "*" }] }) } }).violations)
            .toEqual([expect.stringContaining("statement #1 sets Action to a number, not a string or a list of strings")]);
        expect(checkResource(policy, { type: POLICY, props: { policy: JSON.stringify({ Statement: ["*"] }) } }).violations).toEqual([expect.stringContaining("statement #1 is a string, not an object")]);
    });
    it("reports an omitted or empty policy document as unreadable", () => {
        expect(checkResource(policy, { type: POLICY, props: {} }).violations).toEqual([expect.stringContaining("is unset, so it cannot be checked")]);
        expect(checkResource(policy, { type: POLICY, props: { policy: "" } satisfies aws.iam.PolicyArgs }).violations).toEqual([expect.stringContaining("is unset, so it cannot be checked")]);
    });
    it("reports a document unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: POLICY, props: { policy: UNKNOWN } satisfies aws.iam.PolicyArgs }).unknown).toBeDefined();
        expect(checkResource(policy, { type: PERMISSION_SET, props: { instanceArn: "i", permissionSetArn: "p", inlinePolicy: UNKNOWN } satisfies aws.ssoadmin.PermissionSetInlinePolicyArgs }).unknown).toBeDefined();
    });
    it("fires on the AWS managed IAMFullAccess policy by default (iam:* lets a principal grant itself any permission)", () => {
        const role: aws.iam.RoleArgs = { assumeRolePolicy: document({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }), managedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"] };
        expect(checkResource(policy, { type: "aws:iam/role:Role", name: "deployer", props: role }).violations).toEqual([expect.stringContaining("role 'deployer' attaches the AWS managed IAMFullAccess policy")]);
        const attachment: aws.iam.RolePolicyAttachmentArgs = { role: "deployer", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" };
        expect(checkResource(policy, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", props: attachment, config: { adminManagedPolicies: ["AdministratorAccess"] } }).violations).toEqual([]);
    });
    it("takes the administrator managed policies from config", () => {
        const attachment: aws.iam.RolePolicyAttachmentArgs = { role: "app", policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" };
        const type = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
        expect(checkResource(policy, { type, props: attachment }).violations).toEqual([]);
        expect(checkResource(policy, { type, props: attachment, config: { adminManagedPolicies: ["AdministratorAccess", "PowerUserAccess"] } }).violations).toHaveLength(1);
    });

    it("reports administrator access next to values unknown during preview, naming an inline policy by position while its name is unknown", () => {
        const role: aws.iam.RoleArgs = {
            assumeRolePolicy: document({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }),
            inlinePolicies: [UNKNOWN as never, { name: UNKNOWN, policy: document(admin) }],
            managedPolicyArns: [UNKNOWN, ADMINISTRATOR_ACCESS],
        };
        expect(checkResource(policy, { type: "aws:iam/role:Role", name: "app", props: role }).violations).toEqual([
            expect.stringContaining("role 'app' inline policy #2 statement #1"),
            expect.stringContaining("role 'app' attaches the AWS managed AdministratorAccess policy (managedPolicyArns)"),
        ]);
        const scoped: aws.iam.RoleArgs = { assumeRolePolicy: role.assumeRolePolicy, inlinePolicies: [{ name: UNKNOWN, policy: document(readLogs) }] };
        expect(checkResource(policy, { type: "aws:iam/role:Role", props: scoped })).toEqual({ violations: [] });
    });
});
