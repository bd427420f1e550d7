import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/appautoscaling/require-scaling-policy";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const TARGET = "aws:appautoscaling/target:Target";
const POLICY = "aws:appautoscaling/policy:Policy";
const target: aws.appautoscaling.TargetArgs = { serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", resourceId: "service/app/api", minCapacity: 2, maxCapacity: 10 };
const cpu: aws.appautoscaling.PolicyArgs = { serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", resourceId: "service/app/api", policyType: "TargetTrackingScaling" };

describe("aws-appautoscaling-require-scaling-policy", () => {
    it("passes a target with a policy", () => {
        expect(checkStack(policy, [{ type: TARGET, name: "scale", props: target }, { type: POLICY, name: "cpu", props: cpu }]).violations).toEqual([]);
    });
    it("fires on a target without a policy", () => {
        const verdict = checkStack(policy, [{ type: TARGET, name: "scale", props: target }, { type: POLICY, name: "cpu", props: { ...cpu, resourceId: "service/app/worker" } }]);
        expect(verdict.violations).toEqual([expect.stringContaining("scaling target 'scale' has no scaling policy")]);
        expect(verdict.urns).toEqual([urnOf(TARGET, "scale")]);
    });
    it("leaves a reference unknown during preview to the SDK", () => {
        expect(checkStack(policy, [{ type: TARGET, name: "scale", props: target }, { type: POLICY, name: "cpu", props: { ...cpu, resourceId: UNKNOWN } }]).unknown).toBeDefined();
    });
});
