import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigateway/require-throttling";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const STAGE = "aws:apigateway/stage:Stage";
const SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const PLAN = "aws:apigateway/usagePlan:UsagePlan";

const stage = (name = "api-prod", stageName = "prod"): StackResource => ({
    type: STAGE, name, props: { restApi: "a1b2c3", deployment: "d1", stageName } satisfies aws.apigateway.StageArgs,
});
const settings = (values: aws.types.input.apigateway.MethodSettingsSettings, methodPath = "*/*", stageName = "prod"): StackResource => ({
    type: SETTINGS, name: "api-throttle",
    props: { restApi: "a1b2c3", stageName, methodPath, settings: values } satisfies aws.apigateway.MethodSettingsArgs,
});
const linked = (resource: StackResource, property: string, target: string): StackResource => ({
    ...resource, props: { ...resource.props, [property]: UNKNOWN }, propertyDependencies: { [property]: [target] },
});
const plan = (throttleSettings?: aws.types.input.apigateway.UsagePlanThrottleSettings, stageName = "prod"): StackResource => ({
    type: PLAN, name: "partners",
    props: { apiStages: [{ apiId: "a1b2c3", stage: stageName }], throttleSettings } satisfies aws.apigateway.UsagePlanArgs,
});
const THROTTLE = { throttlingRateLimit: 100, throttlingBurstLimit: 200 };

describe("aws-apigateway-require-throttling", () => {
    it("passes a stage throttled by stage-wide method settings, joined by the graph or by stage name", () => {
        expect(checkStack(policy, [stage(), settings(THROTTLE)]).violations).toEqual([]);
        expect(checkStack(policy, [stage(), linked(settings(THROTTLE), "stageName", urnOf(STAGE, "api-prod"))]).violations).toEqual([]);
    });

    it("passes a stage listed by a usage plan with a throttle", () => {
        expect(checkStack(policy, [stage(), plan({ rateLimit: 50, burstLimit: 100 })]).violations).toEqual([]);
    });

    it("fires on a stage nothing throttles (omitted)", () => {
        const verdict = checkStack(policy, [stage(), stage("api-beta", "beta"), settings(THROTTLE, "*/*", "beta")]);
        expect(verdict.violations).toEqual([
            "API Gateway stage 'api-prod' is not throttled (no method settings or usage plan throttles it): add an aws.apigateway.MethodSettings for the stage with methodPath \"*/*\" and a positive settings.throttlingRateLimit and settings.throttlingBurstLimit.",
        ]);
        expect(verdict.urns).toEqual([urnOf(STAGE, "api-prod")]);
    });

    it("fires on method settings without limits, with throttling off, or for one method only", () => {
        expect(checkStack(policy, [stage(), settings({ metricsEnabled: true })]).violations).toEqual([
            expect.stringContaining("method settings 'api-throttle' omits settings.throttlingRateLimit and omits settings.throttlingBurstLimit"),
        ]);
        expect(checkStack(policy, [stage(), settings({ throttlingRateLimit: -1, throttlingBurstLimit: 100 })]).violations).toEqual([
            expect.stringContaining("sets settings.throttlingRateLimit to -1, which turns throttling off"),
        ]);
        expect(checkStack(policy, [stage(), settings(THROTTLE, "users/GET")]).violations).toEqual([
            expect.stringContaining("apply to \"users/GET\", not to every method (\"*/*\")"),
        ]);
    });

    it("fires on a usage plan without a throttle", () => {
        expect(checkStack(policy, [stage(), plan(undefined)]).violations).toEqual([expect.stringContaining("usage plan 'partners' omits throttleSettings.rateLimit")]);
    });

    it("reports only the stage whose link is unknown during preview as unknown", () => {
        const unknownLimits = linked(settings({ throttlingRateLimit: UNKNOWN as unknown as number, throttlingBurstLimit: 10 }), "stageName", urnOf(STAGE, "api-prod"));
        const verdict = checkStack(policy, [stage(), unknownLimits, stage("api-beta", "beta")]);
        expect(verdict.unknownUrns).toEqual([urnOf(STAGE, "api-prod")]);
        expect(verdict.urns).toEqual([urnOf(STAGE, "api-beta")]);
    });

    it("refuses usage plan throttling when config says so", () => {
        expect(checkStack(policy, [stage(), plan({ rateLimit: 50, burstLimit: 100 })], { acceptUsagePlanThrottling: false }).violations).toHaveLength(1);
    });

    it("reports method settings whose burst limit turns throttling off next to a rate limit unknown during preview", () => {
        expect(checkStack(policy, [stage(), settings({ throttlingRateLimit: UNKNOWN as never, throttlingBurstLimit: 0 })]).violations)
            .toEqual([expect.stringContaining("sets settings.throttlingBurstLimit to 0, which turns throttling off")]);
        expect(checkStack(policy, [stage(), settings({ throttlingRateLimit: UNKNOWN as never, throttlingBurstLimit: 200 })]).unknownUrns).toEqual([urnOf(STAGE, "api-prod")]);
    });
});
