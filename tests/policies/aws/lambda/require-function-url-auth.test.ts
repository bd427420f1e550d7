import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lambda/require-function-url-auth";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const URL = "aws:lambda/functionUrl:FunctionUrl";
const url: aws.lambda.FunctionUrlArgs = { functionName: "webhook", authorizationType: "AWS_IAM" };

describe("aws-lambda-require-function-url-auth", () => {
    it("passes IAM authorization", () => {
        expect(checkResource(policy, { type: URL, props: url }).violations).toEqual([]);
    });
    it("fires on NONE", () => {
        expect(checkResource(policy, { type: URL, name: "webhook-url", props: { ...url, authorizationType: "NONE" } }).violations)
            .toEqual([expect.stringContaining("Lambda function URL 'webhook-url' uses authorizationType \"NONE\"")]);
    });
    it("fires when authorizationType is omitted or not a value Lambda accepts", () => {
        expect(checkResource(policy, { type: URL, props: { functionName: "webhook" } }).violations).toEqual([expect.stringContaining("sets no authorizationType")]);
        expect(checkResource(policy, { type: URL, props: { ...url, authorizationType: "JWT" } }).violations).toEqual([
            "Lambda function URL 'subject' sets authorizationType to \"JWT\", which Lambda does not accept (it takes AWS_IAM or NONE): set authorizationType: \"AWS_IAM\".",
        ]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: URL, props: { ...url, authorizationType: UNKNOWN } }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: URL, name: "status", props: { ...url, authorizationType: "NONE" }, config: { exemptions: [{ resource: "status", reason: "public status page" }] } }).notApplicable).toContain("public status page");
    });
});
