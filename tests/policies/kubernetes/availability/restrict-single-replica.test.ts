import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/availability/restrict-single-replica";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const LABELS = { app: "web" };

/** `null` leaves spec.replicas out. */
function deployment(replicas: number | null | typeof UNKNOWN = 2, name = "web"): StackResource {
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata: { name, namespace: "shop" },
        spec: { replicas: (replicas ?? undefined) as number | undefined, selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    };
    return { type: DEPLOYMENT, name, props };
}

const hpa: StackResource = {
    type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    name: "web-hpa",
    props: {
        metadata: { name: "web", namespace: "shop" },
        spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: 1, maxReplicas: 5 },
    } satisfies k8s.autoscaling.v2.HorizontalPodAutoscalerArgs,
};

describe("kubernetes-availability-restrict-single-replica", () => {
    it("passes a Deployment with two replicas", () => {
        expect(checkStack(policy, [deployment()]).violations).toEqual([]);
    });

    it("fires on replicas: 1 without an autoscaler, on the Deployment's URN", () => {
        const verdict = checkStack(policy, [deployment(1)]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'web' runs 1 replica and no HorizontalPodAutoscaler scales it")]);
        expect(verdict.urns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });

    it("fires when replicas is omitted (Kubernetes runs 1)", () => {
        expect(checkStack(policy, [deployment(null)]).violations).toEqual([expect.stringContaining("leaves spec.replicas unset")]);
    });

    it("passes a single replica that an autoscaler scales", () => {
        expect(checkStack(policy, [deployment(null), hpa]).violations).toEqual([]);
    });

    it("leaves zero replicas to kubernetes-workload-disallow-zero-replicas, and skips StatefulSets and Patches", () => {
        expect(checkStack(policy, [deployment(0)]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...deployment(1), type: "kubernetes:apps/v1:StatefulSet" }]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...deployment(1), type: "kubernetes:apps/v1:DeploymentPatch" }]).violations).toEqual([]);
    });

    it("takes the threshold from config", () => {
        expect(checkStack(policy, [deployment()], { minimumReplicas: 3 }).violations).toEqual([expect.stringContaining("runs 2 replicas")]);
    });

    it("judges each Deployment on its own when one's replica count is unknown during preview", () => {
        const verdict = checkStack(policy, [deployment(UNKNOWN, "unknown"), deployment(1, "bad"), deployment(3, "good")]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'bad' runs 1 replica")]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "unknown")]);
    });

    it("makes unknown only the single-replica Deployments an autoscaler with an unknown target could scale", () => {
        const unknownTarget: StackResource = { ...hpa, name: "unknown-hpa", props: { metadata: { name: "x", namespace: "shop" }, spec: { scaleTargetRef: UNKNOWN, maxReplicas: 4 } } };
        const verdict = checkStack(policy, [deployment(1, "single"), deployment(3, "good"), unknownTarget]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "single")]);
    });

    it("leaves a replica count unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [deployment(UNKNOWN)]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reads the name only to find an autoscaler: with none in the stack, a name unknown during preview decides nothing", () => {
        const single = deployment(1);
        const unnamed = { ...single, props: { ...single.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } } };
        expect(checkStack(policy, [unnamed]).violations).toEqual([expect.stringContaining("Deployment 'web' runs 1 replica and no HorizontalPodAutoscaler scales it")]);
        expect(checkStack(policy, [unnamed, hpa]).unknownUrns).toEqual([urnOf(DEPLOYMENT, "web")]);
        const pair = deployment(2);
        expect(checkStack(policy, [{ ...pair, props: { ...pair.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } } }])).toEqual({ violations: [], urns: [] });
    });
});
