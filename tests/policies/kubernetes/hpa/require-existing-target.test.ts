import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/hpa/require-existing-target";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const LABELS = { app: "web" };

function deployment(mutate?: (args: k8s.apps.v1.DeploymentArgs & any) => void): StackResource {
    const props = {
        metadata: { name: "web", namespace: "shop" },
        spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    } satisfies k8s.apps.v1.DeploymentArgs;
    mutate?.(props);
    return { type: DEPLOYMENT, name: "web", props };
}

function hpa(mutate?: (args: k8s.autoscaling.v2.HorizontalPodAutoscalerArgs & any) => void): StackResource {
    const props = {
        metadata: { name: "web", namespace: "shop" },
        spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: 2, maxReplicas: 6 },
    } satisfies k8s.autoscaling.v2.HorizontalPodAutoscalerArgs;
    mutate?.(props);
    return { type: HPA, name: "web-hpa", props };
}

describe("kubernetes-hpa-require-existing-target", () => {
    it("passes an autoscaler whose target the stack declares", () => {
        expect(checkStack(policy, [deployment(), hpa()]).violations).toEqual([]);
    });

    it("fires when the target name matches no workload, and names the autoscaler's URN", () => {
        const verdict = checkStack(policy, [deployment(), hpa((h) => { h.spec.scaleTargetRef.name = "web-v2"; })]);
        expect(verdict.violations).toEqual([expect.stringContaining("scales Deployment 'web-v2' in namespace 'shop', which the stack does not declare")]);
        expect(verdict.urns).toEqual([urnOf(HPA, "web-hpa")]);
    });

    it("fires when the workload is in another namespace (omitted means default)", () => {
        const verdict = checkStack(policy, [deployment((d) => { delete d.metadata.namespace; }), hpa()]);
        expect(verdict.violations).toHaveLength(1);
    });

    it("fires when the kind differs", () => {
        const verdict = checkStack(policy, [deployment(), hpa((h) => { h.spec.scaleTargetRef.kind = "StatefulSet"; })]);
        expect(verdict.violations).toEqual([expect.stringContaining("StatefulSet 'web'")]);
    });

    it("fires when the workload has no metadata.name (Pulumi generates one)", () => {
        expect(checkStack(policy, [deployment((d) => { delete d.metadata.name; }), hpa()]).violations).toHaveLength(1);
    });

    it("fires when scaleTargetRef is omitted", () => {
        const verdict = checkStack(policy, [deployment(), hpa((h) => { delete h.spec.scaleTargetRef; })]);
        expect(verdict.violations).toEqual([expect.stringContaining("sets no spec.scaleTargetRef")]);
    });

    it("accepts a workload Patch and custom kinds as targets, and skips autoscaler Patches", () => {
        const patch: StackResource = { type: "kubernetes:apps/v1:DeploymentPatch", name: "web-patch", props: { metadata: { name: "web", namespace: "shop" } } };
        expect(checkStack(policy, [patch, hpa()]).violations).toEqual([]);
        const rollout: StackResource = { type: "kubernetes:argoproj.io/v1alpha1:Rollout", name: "web", props: { metadata: { name: "web", namespace: "shop" } } };
        expect(checkStack(policy, [rollout, hpa((h) => { h.spec.scaleTargetRef = { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "web" }; })]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...hpa(), type: "kubernetes:autoscaling/v2:HorizontalPodAutoscalerPatch" }]).violations).toEqual([]);
    });

    it("covers autoscaling/v1", () => {
        const v1: k8s.autoscaling.v1.HorizontalPodAutoscalerArgs = { metadata: { name: "x", namespace: "shop" }, spec: { scaleTargetRef: { kind: "Deployment", name: "gone" }, maxReplicas: 3 } };
        expect(checkStack(policy, [deployment(), { type: "kubernetes:autoscaling/v1:HorizontalPodAutoscaler", name: "x", props: v1 }]).violations).toHaveLength(1);
    });

    it("leaves a target name unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [deployment(), hpa((h) => { h.spec.scaleTargetRef.name = UNKNOWN; })]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
