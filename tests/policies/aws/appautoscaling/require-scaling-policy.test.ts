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
    it("fires on a target when no policy exists at all (omitted)", () => {
        expect(checkStack(policy, [{ type: TARGET, name: "scale", props: target }]).violations).toEqual([expect.stringContaining("scaling target 'scale' has no scaling policy")]);
    });
    it("links a policy through the property graph although its resourceId is unknown", () => {
        const linked = { type: POLICY, name: "cpu", props: { ...cpu, resourceId: UNKNOWN }, propertyDependencies: { resourceId: [urnOf(TARGET, "scale")] } };
        const verdict = checkStack(policy, [{ type: TARGET, name: "scale", props: target }, linked]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknown).toBeUndefined();
    });
    it("reports a policy whose resourceId is unknown and not in the graph as unknown, with the targets it could name", () => {
        const verdict = checkStack(policy, [{ type: TARGET, name: "scale", props: target }, { type: POLICY, name: "cpu", props: { ...cpu, resourceId: UNKNOWN } }]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(POLICY, "cpu"), urnOf(TARGET, "scale")]);
    });
    it("judges every target it can when one value is unknown: known-bad fire, known-good pass, only the unknown one is unknown", () => {
        const verdict = checkStack(policy, [
            { type: TARGET, name: "pending", props: { ...target, resourceId: UNKNOWN } },
            { type: TARGET, name: "scale", props: target },
            { type: TARGET, name: "worker", props: { ...target, resourceId: "service/app/worker" } },
            { type: POLICY, name: "cpu", props: cpu },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("scaling target 'worker' has no scaling policy")]);
        expect(verdict.urns).toEqual([urnOf(TARGET, "worker")]);
        expect(verdict.unknownUrns).toEqual([urnOf(TARGET, "pending")]);
    });
});
