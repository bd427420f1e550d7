import type * as aws from "@pulumi/aws";
import policy, { isSetWithoutReading } from "../../../../policies/aws/apigateway/require-access-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const STAGE = "aws:apigateway/stage:Stage";
const LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:api-access";
const FORMAT = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp", status: "$context.status" });
const stage: aws.apigateway.StageArgs = { restApi: "a1b2c3", deployment: "d1", stageName: "prod", accessLogSettings: { destinationArn: LOG_GROUP, format: FORMAT } };

describe("aws-apigateway-require-access-logs", () => {
    it("passes a stage with a destination and a format", () => {
        expect(checkResource(policy, { type: STAGE, props: stage }).violations).toEqual([]);
    });
    it("passes a destination unknown during preview (a log group created with the stack), without reading it", () => {
        const verdict = checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: { destinationArn: UNKNOWN, format: FORMAT } } satisfies aws.apigateway.StageArgs });
        expect(verdict).toEqual({ violations: [] });
    });
    it("fires when accessLogSettings is omitted", () => {
        expect(checkResource(policy, { type: STAGE, name: "prod", props: { ...stage, accessLogSettings: undefined } }).violations)
            .toEqual([expect.stringContaining("API Gateway stage 'prod' has no accessLogSettings")]);
    });
    it("fires on a blank destination and on a blank format", () => {
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: { destinationArn: " ", format: FORMAT } } satisfies aws.apigateway.StageArgs }).violations)
            .toEqual([expect.stringContaining("without a destinationArn")]);
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: { destinationArn: LOG_GROUP, format: "" } } satisfies aws.apigateway.StageArgs }).violations)
            .toEqual([expect.stringContaining("without a format")]);
    });
    it("fires on accessLogSettings that is not an object, without crashing", () => {
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: [LOG_GROUP] } }).violations).toEqual([expect.stringContaining("a list, not an object")]);
    });
    it("reports accessLogSettings unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: UNKNOWN } }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        const verdict = checkResource(policy, { type: STAGE, name: "sandbox", props: { ...stage, accessLogSettings: undefined }, config: { exemptions: [{ resource: "sandbox", reason: "no traffic" }] } });
        expect(verdict.notApplicable).toContain("no traffic");
    });
    it("tells set from unset without reading", () => {
        expect(isSetWithoutReading({ a: "x" }, "a")).toBe(true);
        expect(isSetWithoutReading({ a: "" }, "a")).toBe(false);
        expect(isSetWithoutReading({ a: [] }, "a")).toBe(false);
        expect(isSetWithoutReading({ a: null }, "a")).toBe(false);
        expect(isSetWithoutReading({}, "a")).toBe(false);
        expect(isSetWithoutReading(undefined, "a")).toBe(false);
    });
});
