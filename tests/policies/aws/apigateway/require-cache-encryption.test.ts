import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigateway/require-cache-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:apigateway/methodSettings:MethodSettings";
const settings: aws.apigateway.MethodSettingsArgs = {
    restApi: "a1b2c3", stageName: "prod", methodPath: "*/*",
    settings: { cachingEnabled: true, cacheDataEncrypted: true, cacheTtlInSeconds: 60, metricsEnabled: true },
};
const withSettings = (change: Record<string, unknown>) => ({ ...settings, settings: { ...(settings.settings as object), ...change } });

describe("aws-apigateway-require-cache-encryption", () => {
    it("passes an encrypted cache, and settings that cache nothing", () => {
        expect(checkResource(policy, { type: T, props: settings }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: withSettings({ cachingEnabled: false, cacheDataEncrypted: false }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...settings, settings: { throttlingRateLimit: 100 } } }).violations).toEqual([]);
    });
    it("fires on a cache with encryption off", () => {
        expect(checkResource(policy, { type: T, name: "api-cache", props: withSettings({ cacheDataEncrypted: false }) }).violations)
            .toEqual(["API Gateway method settings 'api-cache' sets settings.cacheDataEncrypted to false: set settings.cacheDataEncrypted: true."]);
    });
    it("fires on a cache with encryption omitted (API Gateway's default is off)", () => {
        expect(checkResource(policy, { type: T, props: withSettings({ cacheDataEncrypted: undefined }) }).violations)
            .toEqual([expect.stringContaining("omits settings.cacheDataEncrypted, so API Gateway caches responses unencrypted")]);
    });
    it("fires on malformed settings", () => {
        expect(checkResource(policy, { type: T, props: { ...settings, settings: "cache" } }).violations).toEqual([expect.stringContaining("not a block")]);
        expect(checkResource(policy, { type: T, props: withSettings({ cacheDataEncrypted: "yes" }) }).violations).toEqual([expect.stringContaining("not a boolean")]);
    });
    it("is unknown when the deciding switch is unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: withSettings({ cacheDataEncrypted: UNKNOWN }) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: withSettings({ cachingEnabled: UNKNOWN }) }).unknown).toBeDefined();
    });
    it("judges regardless of an unrelated value unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: { ...withSettings({ cacheDataEncrypted: false }), restApi: UNKNOWN, stageName: UNKNOWN } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: { ...settings, restApi: UNKNOWN } }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "perf-cache", props: withSettings({ cacheDataEncrypted: false }), config: { exemptions: [{ resource: "perf-*", reason: "public catalogue data only" }] } }).notApplicable)
            .toContain("public catalogue data only");
    });
});
