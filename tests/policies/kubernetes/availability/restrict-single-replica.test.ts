import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/availability/restrict-single-replica";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const LABELS = { app: "web" };

function deployment(mutate?: (args: k8s.apps.v1.DeploymentArgs & any) => void): StackResource {
    const props = {
        metadata: { name: "web", namespace: "shop" },
        spec: { replicas: 2, selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    } satisfies k8s.apps.v1.DeploymentArgs;
    mutate?.(props);
    return { type: DEPLOYMENT, name: "web", props };
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
        const verdict = checkStack(policy, [deployment((d) => { d.spec.replicas = 1; })]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'web' runs 1 replica and no HorizontalPodAutoscaler scales it")]);
        expect(verdict.urns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });

    it("fires when replicas is omitted (Kubernetes runs 1)", () => {
        expect(checkStack(policy, [deployment((d) => { delete d.spec.replicas; })]).violations).toEqual([expect.stringContaining("leaves spec.replicas unset")]);
    });

    it("passes a single replica that an autoscaler scales", () => {
        expect(checkStack(policy, [deployment((d) => { delete d.spec.replicas; }), hpa]).violations).toEqual([]);
    });

    it("leaves zero replicas to kubernetes-workload-disallow-zero-replicas, and skips StatefulSets and Patches", () => {
        expect(checkStack(policy, [deployment((d) => { d.spec.replicas = 0; })]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...deployment((d) => { d.spec.replicas = 1; }), type: "kubernetes:apps/v1:StatefulSet" }]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...deployment((d) => { d.spec.replicas = 1; }), type: "kubernetes:apps/v1:DeploymentPatch" }]).violations).toEqual([]);
    });

    it("takes the threshold from config", () => {
        expect(checkStack(policy, [deployment()], { minimumReplicas: 3 }).violations).toEqual([expect.stringContaining("runs 2 replicas")]);
    });

    it("leaves a replica count unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [deployment((d) => { d.spec.replicas = UNKNOWN; })]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
