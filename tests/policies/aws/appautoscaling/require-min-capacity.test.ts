import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/appautoscaling/require-min-capacity";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const TARGET = "aws:appautoscaling/target:Target";
const target: aws.appautoscaling.TargetArgs = {
    serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", resourceId: "service/app/api", minCapacity: 2, maxCapacity: 10,
};

describe("aws-appautoscaling-require-min-capacity", () => {
    it("passes min 2, max 10", () => {
        expect(checkResource(policy, { type: TARGET, props: target }).violations).toEqual([]);
    });

    it("fires on minCapacity 0", () => {
        expect(checkResource(policy, { type: TARGET, name: "s", props: { ...target, minCapacity: 0 } }).violations)
            .toEqual([expect.stringContaining("scaling target 's' sets minCapacity to 0 unit(s) of capacity, below the minimum 1")]);
    });

    it("fires on maxCapacity below minCapacity", () => {
        expect(checkResource(policy, { type: TARGET, props: { ...target, maxCapacity: 1 } }).violations)
            .toEqual([expect.stringContaining("whose minCapacity is 2, sets maxCapacity to 1 unit(s) of capacity, below the minimum 2")]);
    });

    it("fires on omitted capacities without crashing", () => {
        const { minCapacity: _a, maxCapacity: _b, ...rest } = target;
        expect(checkResource(policy, { type: TARGET, props: rest }).violations).toHaveLength(2);
    });

    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: TARGET, props: { ...target, minCapacity: UNKNOWN } }).unknown).toBeDefined();
    });

    it("reports an empty minCapacity as omitted, not as malformed", () => {
        expect(checkResource(policy, { type: TARGET, props: { ...target, minCapacity: "" as never } }).violations).toEqual([expect.stringContaining("omits minCapacity")]);
    });

    it("rejects a minimum above the setting's maximum", () => {
        expect(() => checkResource(policy, { type: TARGET, props: target, config: { minimum: 5000 } })).toThrow(/minimum/);
    });

    it("takes the minimum from config", () => {
        expect(checkResource(policy, { type: TARGET, props: target, config: { minimum: 3 } }).violations).toHaveLength(1);
    });

    it("judges the maximum against the configured minimum while minCapacity is unknown during preview", () => {
        expect(checkResource(policy, { type: TARGET, name: "api", props: { ...target, minCapacity: UNKNOWN as never, maxCapacity: 0 } }).violations)
            .toEqual([expect.stringContaining("scaling target 'api' sets maxCapacity to 0 unit(s) of capacity, below the minimum 1")]);
        expect(checkResource(policy, { type: TARGET, props: { ...target, minCapacity: UNKNOWN as never } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: TARGET, props: { ...target, maxCapacity: UNKNOWN as never, minCapacity: 0 } }).violations).toEqual([expect.stringContaining("sets minCapacity to 0")]);
    });
});
