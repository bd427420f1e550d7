import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigateway/require-tracing";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const STAGE = "aws:apigateway/stage:Stage";
const stage: aws.apigateway.StageArgs = { restApi: "a1b2c3", deployment: "d1", stageName: "prod", xrayTracingEnabled: true };

describe("aws-apigateway-require-tracing", () => {
    it("passes a stage with X-Ray tracing", () => {
        expect(checkResource(policy, { type: STAGE, props: stage }).violations).toEqual([]);
    });
    it("fires when tracing is off or omitted (API Gateway's default is off)", () => {
        expect(checkResource(policy, { type: STAGE, name: "prod", props: { ...stage, xrayTracingEnabled: false } }).violations)
            .toEqual([expect.stringContaining("API Gateway stage 'prod' sets xrayTracingEnabled to false")]);
        expect(checkResource(policy, { type: STAGE, props: { ...stage, xrayTracingEnabled: undefined } }).violations)
            .toEqual([expect.stringContaining("omits xrayTracingEnabled, so API Gateway records no X-Ray traces")]);
    });
    it("fires on a value that is not a boolean", () => {
        expect(checkResource(policy, { type: STAGE, props: { ...stage, xrayTracingEnabled: "yes" } }).violations).toEqual([expect.stringContaining("not a boolean")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: STAGE, props: { ...stage, xrayTracingEnabled: UNKNOWN } }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: STAGE, name: "dev", props: { ...stage, xrayTracingEnabled: false }, config: { exemptions: [{ resource: "dev", reason: "tracing costs" }] } }).notApplicable).toContain("tracing costs");
    });
});
