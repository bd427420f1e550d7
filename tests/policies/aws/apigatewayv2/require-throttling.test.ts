import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigatewayv2/require-throttling";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:apigatewayv2/stage:Stage";
const stage = (defaultRouteSettings?: aws.types.input.apigatewayv2.StageDefaultRouteSettings): aws.apigatewayv2.StageArgs => ({
    apiId: "h1t2p3", name: "$default", autoDeploy: true, defaultRouteSettings,
});

describe("aws-apigatewayv2-require-throttling", () => {
    it("passes a stage with default route throttling", () => {
        expect(checkResource(policy, { type: T, props: stage({ throttlingRateLimit: 100, throttlingBurstLimit: 50 }) }).violations).toEqual([]);
    });
    it("fires on a stage without default route settings (omitted)", () => {
        expect(checkResource(policy, { type: T, name: "http-default", props: stage() }).violations).toEqual([
            "API Gateway v2 stage 'http-default' omits defaultRouteSettings.throttlingRateLimit and omits defaultRouteSettings.throttlingBurstLimit, so its routes are not throttled: set a positive defaultRouteSettings.throttlingRateLimit and throttlingBurstLimit.",
        ]);
    });
    it("fires on a missing burst limit or a limit of zero", () => {
        expect(checkResource(policy, { type: T, props: stage({ throttlingRateLimit: 100 }) }).violations).toEqual([expect.stringContaining("omits defaultRouteSettings.throttlingBurstLimit")]);
        expect(checkResource(policy, { type: T, props: stage({ throttlingRateLimit: 0, throttlingBurstLimit: 0 }) }).violations).toHaveLength(1);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: stage({ throttlingRateLimit: UNKNOWN as never, throttlingBurstLimit: 5 }) }).unknown).toBeDefined());
    it("can be exempted per stage in config", () => {
        const verdict = checkResource(policy, { type: T, name: "internal", props: stage(), config: { exemptions: [{ resource: "internal", reason: "Internal stage behind a private integration." }] } });
        expect(verdict.notApplicable).toContain("Internal stage");
    });

    it("reports a limit that turns throttling off next to one unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: stage({ throttlingRateLimit: UNKNOWN as never }) }).violations).toEqual([expect.stringContaining("omits defaultRouteSettings.throttlingBurstLimit")]);
        expect(checkResource(policy, { type: T, props: stage({ throttlingRateLimit: UNKNOWN as never, throttlingBurstLimit: 200 }) }).unknown).toBeDefined();
    });
});
