import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/hpa/require-existing-target";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const LABELS = { app: "web" };

type ObjectMeta = k8s.types.input.meta.v1.ObjectMeta;
type ScaleTargetRef = k8s.types.input.autoscaling.v2.CrossVersionObjectReference;

function deployment(metadata: ObjectMeta = { name: "web", namespace: "shop" }, name = "web"): StackResource {
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata,
        spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    };
    return { type: DEPLOYMENT, name, props };
}

/** `null` leaves spec.scaleTargetRef out. */
function hpa(ref: Partial<ScaleTargetRef> | null = {}, name = "web-hpa"): StackResource {
    const scaleTargetRef = ref === null ? undefined : { apiVersion: "apps/v1", kind: "Deployment", name: "web", ...ref };
    const props: k8s.autoscaling.v2.HorizontalPodAutoscalerArgs = {
        metadata: { name: "web", namespace: "shop" },
        spec: { scaleTargetRef: scaleTargetRef as ScaleTargetRef, minReplicas: 2, maxReplicas: 6 },
    };
    return { type: HPA, name, props };
}

describe("kubernetes-hpa-require-existing-target", () => {
    it("passes an autoscaler whose target the stack declares", () => {
        expect(checkStack(policy, [deployment(), hpa()]).violations).toEqual([]);
    });

    it("fires when the target name matches no workload, and names the autoscaler's URN", () => {
        const verdict = checkStack(policy, [deployment(), hpa({ name: "web-v2" })]);
        expect(verdict.violations).toEqual([expect.stringContaining("scales Deployment 'web-v2' in namespace 'shop', which the stack does not declare")]);
        expect(verdict.urns).toEqual([urnOf(HPA, "web-hpa")]);
    });

    it("fires when the workload is in another namespace (omitted means default)", () => {
        const verdict = checkStack(policy, [deployment({ name: "web" }), hpa()]);
        expect(verdict.violations).toHaveLength(1);
    });

    it("fires when the kind differs", () => {
        const verdict = checkStack(policy, [deployment(), hpa({ kind: "StatefulSet" })]);
        expect(verdict.violations).toEqual([expect.stringContaining("StatefulSet 'web'")]);
    });

    it("fires when the workload has no metadata.name (Pulumi generates one)", () => {
        expect(checkStack(policy, [deployment({ namespace: "shop" }), hpa()]).violations).toHaveLength(1);
    });

    it("fires when scaleTargetRef is omitted", () => {
        const verdict = checkStack(policy, [deployment(), hpa(null)]);
        expect(verdict.violations).toEqual([expect.stringContaining("sets no spec.scaleTargetRef")]);
    });

    it("accepts a workload Patch and custom kinds as targets, and skips autoscaler Patches", () => {
        const patch: StackResource = { type: "kubernetes:apps/v1:DeploymentPatch", name: "web-patch", props: { metadata: { name: "web", namespace: "shop" } } };
        expect(checkStack(policy, [patch, hpa()]).violations).toEqual([]);
        const rollout: StackResource = { type: "kubernetes:argoproj.io/v1alpha1:Rollout", name: "web", props: { metadata: { name: "web", namespace: "shop" } } };
        expect(checkStack(policy, [rollout, hpa({ apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "web" })]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...hpa(), type: "kubernetes:autoscaling/v2:HorizontalPodAutoscalerPatch" }]).violations).toEqual([]);
    });

    it("covers autoscaling/v1", () => {
        const v1: k8s.autoscaling.v1.HorizontalPodAutoscalerArgs = { metadata: { name: "x", namespace: "shop" }, spec: { scaleTargetRef: { kind: "Deployment", name: "gone" }, maxReplicas: 3 } };
        expect(checkStack(policy, [deployment(), { type: "kubernetes:autoscaling/v1:HorizontalPodAutoscaler", name: "x", props: v1 }]).violations).toHaveLength(1);
    });

    it("judges each autoscaler on its own when one's target is unknown during preview", () => {
        const verdict = checkStack(policy, [deployment(), hpa({ name: UNKNOWN }, "unknown"), hpa({ name: "gone" }, "bad"), hpa({}, "good")]);
        expect(verdict.violations).toEqual([expect.stringContaining("scales Deployment 'gone'")]);
        expect(verdict.urns).toEqual([urnOf(HPA, "bad")]);
        expect(verdict.unknownUrns).toEqual([urnOf(HPA, "unknown")]);
    });

    it("makes unknown only the autoscalers a workload with an unknown name could be the target of", () => {
        const unnamed = deployment({ name: UNKNOWN, namespace: "shop" }, "unnamed");
        const statefulSetTarget = hpa({ kind: "StatefulSet", name: "db" }, "db-hpa");
        const verdict = checkStack(policy, [deployment(), unnamed, hpa({ name: "api" }, "api-hpa"), hpa({}, "good"), statefulSetTarget]);
        expect(verdict.violations).toEqual([expect.stringContaining("scales StatefulSet 'db'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(HPA, "api-hpa")]);
    });

    it("leaves a target name unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [deployment(), hpa({ name: UNKNOWN })]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reads the autoscaler's namespace only when the stack declares an object of the target's kind and name", () => {
        const unplaced = (resource: StackResource) => ({ ...resource, props: { ...resource.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } } });
        expect(checkStack(policy, [unplaced(hpa({ name: "api" }))]).violations).toEqual([
            "HorizontalPodAutoscaler 'web-hpa' scales Deployment 'api', which the stack does not declare in its namespace (a workload without metadata.name gets a generated name): set scaleTargetRef to a declared workload's kind and metadata.name.",
        ]);
        expect(checkStack(policy, [deployment(), unplaced(hpa())]).unknownUrns).toEqual([urnOf(HPA, "web-hpa")]);
    });
});
