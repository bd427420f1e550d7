import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigateway/require-usage-plan-limits";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:apigateway/usagePlan:UsagePlan";
const plan = (changes: Partial<aws.apigateway.UsagePlanArgs> = {}): aws.apigateway.UsagePlanArgs => ({
    apiStages: [{ apiId: "a1b2c3", stage: "prod" }],
    throttleSettings: { rateLimit: 10, burstLimit: 20 },
    quotaSettings: { limit: 10000, period: "DAY" },
    ...changes,
});

describe("aws-apigateway-require-usage-plan-limits", () => {
    it("passes a usage plan with a throttle and a quota", () => expect(checkResource(policy, { type: T, props: plan() }).violations).toEqual([]));
    it("fires on a plan without a throttle (omitted)", () => {
        expect(checkResource(policy, { type: T, name: "partners", props: plan({ throttleSettings: undefined }) }).violations).toEqual([
            "API Gateway usage plan 'partners' omits throttleSettings.rateLimit and omits throttleSettings.burstLimit, so its API keys are not rate limited: set a positive throttleSettings.rateLimit and throttleSettings.burstLimit.",
        ]);
    });
    it("fires on a zero or malformed limit", () => {
        expect(checkResource(policy, { type: T, props: plan({ throttleSettings: { rateLimit: 0, burstLimit: 20 } }) }).violations).toEqual([expect.stringContaining("sets throttleSettings.rateLimit to 0")]);
        expect(checkResource(policy, { type: T, props: plan({ throttleSettings: { rateLimit: 10, burstLimit: "many" as unknown as number } }) }).violations).toEqual([expect.stringContaining("sets throttleSettings.burstLimit to a string, not a number")]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: plan({ throttleSettings: UNKNOWN as never }) }).unknown).toBeDefined());
    it("requires a quota when config says so", () => {
        const props = plan({ quotaSettings: undefined });
        expect(checkResource(policy, { type: T, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props, config: { requireQuota: true } }).violations).toEqual([expect.stringContaining("sets no request quota")]);
        expect(checkResource(policy, { type: T, props: plan(), config: { requireQuota: true } }).violations).toEqual([]);
    });

    it("judges each limit and the quota apart: one unknown during preview hides no violation of another", () => {
        expect(checkResource(policy, { type: T, name: "basic", props: plan({ throttleSettings: { rateLimit: UNKNOWN as never, burstLimit: 0 } }) }).violations)
            .toEqual([expect.stringContaining("usage plan 'basic' sets throttleSettings.burstLimit to 0")]);
        expect(checkResource(policy, { type: T, name: "basic", props: plan({ throttleSettings: UNKNOWN as never, quotaSettings: undefined }), config: { requireQuota: true } }).violations)
            .toEqual([expect.stringContaining("usage plan 'basic' sets no request quota")]);
        expect(checkResource(policy, { type: T, props: plan({ throttleSettings: { rateLimit: UNKNOWN as never, burstLimit: 20 } }) }).unknown).toBeDefined();
    });
});
