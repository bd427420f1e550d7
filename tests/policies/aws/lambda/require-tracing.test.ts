import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lambda/require-tracing";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const FUNCTION = "aws:lambda/function:Function";
const fn: aws.lambda.FunctionArgs = { role: "arn:aws:iam::123456789012:role/app", runtime: "nodejs20.x", handler: "index.handler", tracingConfig: { mode: "Active" } };

describe("aws-lambda-require-tracing", () => {
    it("passes active tracing", () => {
        expect(checkResource(policy, { type: FUNCTION, props: fn }).violations).toEqual([]);
    });
    it("fires on PassThrough", () => {
        expect(checkResource(policy, { type: FUNCTION, name: "worker", props: { ...fn, tracingConfig: { mode: "PassThrough" } } }).violations)
            .toEqual([expect.stringContaining("Lambda function 'worker' sets tracingConfig.mode to \"PassThrough\"")]);
    });
    it("fires when tracingConfig or its mode is omitted", () => {
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, tracingConfig: undefined } }).violations).toEqual([expect.stringContaining("has no tracingConfig")]);
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, tracingConfig: { mode: "" } } }).violations).toEqual([expect.stringContaining("sets tracingConfig without a mode, so Lambda traces only invocations a caller already sampled (PassThrough)")]);
    });
    it("names a mode Lambda does not accept", () => {
        expect(checkResource(policy, { type: FUNCTION, name: "worker", props: { ...fn, tracingConfig: { mode: "active" } } }).violations).toEqual([
            "Lambda function 'worker' sets tracingConfig.mode to \"active\", which Lambda does not accept (it takes \"Active\" or \"PassThrough\"): set it to \"Active\".",
        ]);
    });
    it("fires on a malformed mode without crashing", () => {
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, tracingConfig: { mode: 1 } } }).violations).toEqual([expect.stringContaining("a number")]);
    });
    it("reports a mode unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: FUNCTION, props: { ...fn, tracingConfig: { mode: UNKNOWN } } }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: FUNCTION, name: "cron", props: { ...fn, tracingConfig: undefined }, config: { exemptions: [{ resource: "cron", reason: "nightly job" }] } }).notApplicable).toContain("nightly job");
    });
});
