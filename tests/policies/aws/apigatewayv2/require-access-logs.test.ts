import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigatewayv2/require-access-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const STAGE = "aws:apigatewayv2/stage:Stage";
const LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:http-api-access";
const stage: aws.apigatewayv2.StageArgs = { apiId: "a1b2c3", name: "$default", autoDeploy: true, accessLogSettings: { destinationArn: LOG_GROUP, format: "$context.requestId $context.status" } };

describe("aws-apigatewayv2-require-access-logs", () => {
    it("passes a stage with a destination and a format", () => {
        expect(checkResource(policy, { type: STAGE, props: stage }).violations).toEqual([]);
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: { destinationArn: UNKNOWN, format: "$context.requestId" } } }).violations).toEqual([]);
    });
    it("fires when accessLogSettings is omitted, or lacks a destination or a format", () => {
        expect(checkResource(policy, { type: STAGE, name: "ws", props: { apiId: "a1b2c3", name: "prod" } satisfies aws.apigatewayv2.StageArgs }).violations)
            .toEqual([expect.stringContaining("API Gateway v2 stage 'ws' has no accessLogSettings")]);
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: { format: "$context.requestId" } } }).violations).toEqual([expect.stringContaining("without a destinationArn")]);
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: { destinationArn: LOG_GROUP } } }).violations).toEqual([expect.stringContaining("without a format")]);
    });
    it("reports accessLogSettings unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: STAGE, props: { ...stage, accessLogSettings: UNKNOWN } }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: STAGE, name: "dev", props: { apiId: "a" }, config: { exemptions: [{ resource: "dev", reason: "development API" }] } }).notApplicable).toContain("development API");
    });
});
