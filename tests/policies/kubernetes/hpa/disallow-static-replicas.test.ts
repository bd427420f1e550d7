import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/hpa/disallow-static-replicas";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const STATEFULSET = "kubernetes:apps/v1:StatefulSet";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const LABELS = { app: "web" };

/** A workload of the given type; `null` leaves spec.replicas out. */
function workload(replicas: number | null | typeof UNKNOWN = null, name = "web", type = DEPLOYMENT, namespace = "shop"): StackResource {
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata: { name, namespace },
        spec: { replicas: (replicas ?? undefined) as number | undefined, selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    };
    return { type, name, props };
}

function hpa(target: k8s.types.input.autoscaling.v2.CrossVersionObjectReference | typeof UNKNOWN = { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, namespace = "shop", name = "web-hpa"): StackResource {
    const props: k8s.autoscaling.v2.HorizontalPodAutoscalerArgs = {
        metadata: { name: "web", namespace },
        spec: { scaleTargetRef: target as k8s.types.input.autoscaling.v2.CrossVersionObjectReference, minReplicas: 3, maxReplicas: 12 },
    };
    return { type: HPA, name, props };
}

describe("kubernetes-hpa-disallow-static-replicas", () => {
    it("passes a Deployment that leaves the count to its autoscaler, and a static count nothing scales", () => {
        expect(checkStack(policy, [workload(), hpa()]).violations).toEqual([]);
        expect(checkStack(policy, [workload(3)]).violations).toEqual([]);
        expect(checkStack(policy, [workload(3, "api"), hpa()]).violations).toEqual([]);
    });

    it("fires on a Deployment an autoscaler scales that sets spec.replicas, on the Deployment's URN", () => {
        const verdict = checkStack(policy, [workload(3), hpa()]);
        expect(verdict.violations).toEqual([
            "Deployment 'web' sets spec.replicas to 3 although a HorizontalPodAutoscaler scales it, so every apply of this program resets the replica count and overrides the autoscaler: remove spec.replicas and let the autoscaler's minReplicas set the floor.",
        ]);
        expect(verdict.urns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });

    it("matches the target's kind and namespace: a StatefulSet, an autoscaler of another namespace, another kind of the same name", () => {
        expect(checkStack(policy, [workload(2, "db", STATEFULSET), hpa({ kind: "StatefulSet", name: "db" })]).violations).toEqual([expect.stringContaining("StatefulSet 'db' sets spec.replicas to 2")]);
        expect(checkStack(policy, [workload(3), hpa(undefined, "other")]).violations).toEqual([]);
        const rollout = { ...workload(4, "web", "kubernetes:argoproj.io/v1alpha1:Rollout"), name: "web-rollout" };
        expect(checkStack(policy, [rollout, hpa({ apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "web" })]).violations).toEqual([expect.stringContaining("Rollout 'web' sets spec.replicas to 4")]);
        expect(checkStack(policy, [workload(3, "web", STATEFULSET), hpa()]).violations).toEqual([]);
        expect(checkStack(policy, [workload(3, "web", DEPLOYMENT, "default"), hpa(undefined, "default")]).violations).toHaveLength(1);
    });

    it("fires on a Patch that sets spec.replicas, and on a count of zero", () => {
        const patch: StackResource = { type: "kubernetes:apps/v1:DeploymentPatch", name: "web-patch", props: { metadata: { name: "web", namespace: "shop" }, spec: { replicas: 5 } } };
        expect(checkStack(policy, [patch, hpa()]).urns).toEqual([urnOf("kubernetes:apps/v1:DeploymentPatch", "web-patch")]);
        expect(checkStack(policy, [workload(0), hpa()]).violations).toEqual([expect.stringContaining("sets spec.replicas to 0")]);
    });

    it("counts a replica count unknown during preview as set: its value does not matter", () => {
        expect(checkStack(policy, [workload(UNKNOWN), hpa()]).violations).toEqual([
            expect.stringContaining("Deployment 'web' sets spec.replicas although a HorizontalPodAutoscaler scales it"),
        ]);
    });

    it("makes unknown only the workloads with a static count that an autoscaler with an unknown target could scale", () => {
        const verdict = checkStack(policy, [workload(3, "static"), workload(null, "scaled"), workload(2, "bad"), hpa(UNKNOWN, "shop", "unknown-hpa"), hpa({ kind: "Deployment", name: "bad" })]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'bad' sets spec.replicas to 2")]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "static")]);
    });

    it("reads names only when an autoscaler is in the stack: without one, an unknown name decides nothing", () => {
        const unnamed = workload(3);
        unnamed.props = { ...unnamed.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } };
        expect(checkStack(policy, [unnamed])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [unnamed, hpa()]).unknownUrns).toEqual([urnOf(DEPLOYMENT, "web")]);
        const scaled = workload(null);
        scaled.props = { ...scaled.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } };
        expect(checkStack(policy, [scaled, hpa()])).toEqual({ violations: [], urns: [] });
    });
});
