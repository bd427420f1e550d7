import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lambda/require-permission-source-arn";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:lambda/permission:Permission";
const permission: aws.lambda.PermissionArgs = {
    action: "lambda:InvokeFunction", function: "app-webhook", principal: "sns.amazonaws.com",
    sourceArn: "arn:aws:sns:us-east-1:123456789012:orders",
};

describe("aws-lambda-require-permission-source-arn", () => {
    it("passes a service permission with sourceArn, also one unknown during preview, and account principals", () => {
        expect(checkResource(policy, { type: T, props: permission }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...permission, sourceArn: UNKNOWN } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: { ...permission, principal: "123456789012", sourceArn: undefined } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...permission, principal: "arn:aws:iam::123456789012:role/caller", sourceArn: undefined } }).violations).toEqual([]);
    });
    it.each(["sns.amazonaws.com", "events.amazonaws.com", "s3.amazonaws.com", "logs.eu-west-1.amazonaws.com", "apigateway.amazonaws.com"])("fires on %s without sourceArn", (principal) => {
        expect(checkResource(policy, { type: T, name: "allow-invoke", props: { ...permission, principal, sourceArn: undefined } }).violations)
            .toEqual([`Lambda permission 'allow-invoke' lets the service principal ${principal} invoke the function without sourceArn, so that service may invoke it for any account's resource: set sourceArn to the ARN of the resource that invokes it.`]);
    });
    it("fires on an empty sourceArn", () => {
        expect(checkResource(policy, { type: T, props: { ...permission, sourceArn: "" } }).violations).toHaveLength(1);
    });
    it("is unknown when the principal is unknown during preview, and ignores an unknown function", () => {
        expect(checkResource(policy, { type: T, props: { ...permission, principal: UNKNOWN, sourceArn: undefined } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: { ...permission, function: UNKNOWN, sourceArn: undefined } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: { ...permission, function: UNKNOWN } }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "legacy-invoke", props: { ...permission, sourceArn: undefined }, config: { exemptions: [{ resource: "legacy-*", reason: "migrated next sprint" }] } }).notApplicable)
            .toContain("migrated next sprint");
    });
});
