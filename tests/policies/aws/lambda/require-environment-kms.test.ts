import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lambda/require-environment-kms";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const FUNCTION = "aws:lambda/function:Function";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const fn: aws.lambda.FunctionArgs = { role: "arn:aws:iam::123456789012:role/app", runtime: "nodejs20.x", handler: "index.handler", environment: { variables: { BUCKET: "app-uploads" } }, kmsKeyArn: KEY };

describe("aws-lambda-require-environment-kms", () => {
    it("passes a customer managed key, also one created with the stack (unknown during preview)", () => {
        expect(checkResource(policy, { type: FUNCTION, props: fn }).violations).toEqual([]);
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, kmsKeyArn: UNKNOWN } })).toEqual({ violations: [] });
    });
    it("passes a function without environment variables", () => {
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, environment: undefined, kmsKeyArn: undefined } }).violations).toEqual([]);
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, environment: { variables: {} }, kmsKeyArn: undefined } }).violations).toEqual([]);
    });
    it("fires when kmsKeyArn is omitted or blank", () => {
        expect(checkResource(policy, { type: FUNCTION, name: "worker", props: { ...fn, kmsKeyArn: undefined } }).violations)
            .toEqual([expect.stringContaining("Lambda function 'worker' has environment variables but no kmsKeyArn")]);
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, kmsKeyArn: "" } }).violations).toHaveLength(1);
    });
    it("fires on the AWS managed aws/lambda key and on a value that is not a string", () => {
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/aws/lambda" } }).violations).toEqual([expect.stringContaining("an AWS managed key")]);
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, kmsKeyArn: 7 } }).violations).toEqual([expect.stringContaining("sets kmsKeyArn to a number, not a string")]);
    });
    it("reports environment variables unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, environment: { variables: UNKNOWN } } }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: FUNCTION, name: "edge", props: { ...fn, kmsKeyArn: undefined }, config: { exemptions: [{ resource: "edge", reason: "no sensitive variables" }] } }).notApplicable).toContain("no sensitive variables");
    });
});
