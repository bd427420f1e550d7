import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/hpa/require-min-replicas";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import type { Plain } from "../plain";

const HPA_V2 = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";

function hpa(mutate?: (args: Plain<k8s.autoscaling.v2.HorizontalPodAutoscalerArgs>) => void): k8s.autoscaling.v2.HorizontalPodAutoscalerArgs {
    const args: Plain<k8s.autoscaling.v2.HorizontalPodAutoscalerArgs> = {
        metadata: { name: "web", namespace: "shop" },
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
            minReplicas: 2,
            maxReplicas: 10,
        },
    };
    mutate?.(args);
    return args;
}

describe("kubernetes-hpa-require-min-replicas", () => {
    it("passes minReplicas at or above the minimum with maxReplicas above it", () => {
        expect(checkResource(policy, { type: HPA_V2, props: hpa() }).violations).toEqual([]);
    });

    it("fires on minReplicas: 0 (scale to zero)", () => {
        const { violations } = checkResource(policy, { type: HPA_V2, props: hpa((h) => { h.spec.minReplicas = 0; }) });
        expect(violations).toEqual([expect.stringContaining("HorizontalPodAutoscaler 'web' sets spec.minReplicas to 0, below the minimum of 1")]);
    });

    it("fires when maxReplicas is below minReplicas", () => {
        const { violations } = checkResource(policy, { type: HPA_V2, props: hpa((h) => { h.spec.maxReplicas = 1; }) });
        expect(violations).toEqual([expect.stringContaining("spec.maxReplicas (1) below spec.minReplicas (2)")]);
    });

    it("fires on a minReplicas that is not a number, without crashing", () => {
        const { violations } = checkResource(policy, { type: HPA_V2, props: hpa((h) => { h.spec.minReplicas = "two" as unknown as number; }) });
        expect(violations).toEqual([expect.stringContaining("not a whole number")]);
    });

    it("fires when maxReplicas is missing", () => {
        const { violations } = checkResource(policy, { type: HPA_V2, props: hpa((h) => { delete (h.spec as Partial<typeof h.spec>).maxReplicas; }) });
        expect(violations).toEqual([expect.stringContaining("sets no spec.maxReplicas")]);
    });

    it("reads an omitted minReplicas as Kubernetes' default of 1", () => {
        const props = hpa((h) => { delete h.spec.minReplicas; });
        expect(checkResource(policy, { type: HPA_V2, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: HPA_V2, props, config: { minimumReplicas: 2 } }).violations).toEqual([
            expect.stringContaining("leaves spec.minReplicas unset (Kubernetes uses 1)"),
        ]);
    });

    it("takes the minimum from config", () => {
        expect(checkResource(policy, { type: HPA_V2, props: hpa(), config: { minimumReplicas: 3 } }).violations).toHaveLength(1);
    });

    it("covers autoscaling/v1 and the v2beta APIs", () => {
        const v1: k8s.autoscaling.v1.HorizontalPodAutoscalerArgs = {
            metadata: { name: "legacy" },
            spec: { scaleTargetRef: { kind: "Deployment", name: "legacy" }, minReplicas: 0, maxReplicas: 3, targetCPUUtilizationPercentage: 70 },
        };
        for (const type of ["kubernetes:autoscaling/v1:HorizontalPodAutoscaler", "kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler", "kubernetes:autoscaling/v2beta1:HorizontalPodAutoscaler"]) {
            expect(checkResource(policy, { type, props: v1 }).violations).toEqual([expect.stringContaining("HorizontalPodAutoscaler 'legacy'")]);
        }
    });

    it("judges only what a Patch sets", () => {
        const type = "kubernetes:autoscaling/v2:HorizontalPodAutoscalerPatch";
        expect(checkResource(policy, { type, props: { metadata: { name: "web" }, spec: { maxReplicas: 4 } } }).violations).toEqual([]);
        expect(checkResource(policy, { type, props: { metadata: { name: "web" }, spec: { minReplicas: 0 } } }).violations).toHaveLength(1);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, { type: HPA_V2, props: hpa((h) => { h.spec.minReplicas = UNKNOWN as unknown as number; }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("judges the maximum apart from a minimum unknown during preview, and names the autoscaler by its Pulumi name when its own is unknown", () => {
        const props = hpa((h) => { h.metadata = { name: UNKNOWN }; h.spec.minReplicas = UNKNOWN as never; delete (h.spec as { maxReplicas?: number }).maxReplicas; });
        expect(checkResource(policy, { type: HPA_V2, name: "web-hpa", props })).toEqual({ violations: [expect.stringContaining("HorizontalPodAutoscaler 'web-hpa' sets no spec.maxReplicas")] });
        expect(checkResource(policy, { type: HPA_V2, props: hpa((h) => { h.metadata = { name: UNKNOWN }; }) })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: HPA_V2, props: hpa((h) => { h.spec.minReplicas = UNKNOWN as never; }) }).unknown).toBeDefined();
    });
});
