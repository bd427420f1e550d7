import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/availability/require-pod-disruption-budget";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const LABELS = { app: "web", tier: "frontend" };

function deployment(mutate?: (args: k8s.apps.v1.DeploymentArgs & any) => void): StackResource {
    const props = {
        metadata: { name: "web", namespace: "shop" },
        spec: { replicas: 3, selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    } satisfies k8s.apps.v1.DeploymentArgs;
    mutate?.(props);
    return { type: DEPLOYMENT, name: "web", props };
}

function pdb(mutate?: (args: k8s.policy.v1.PodDisruptionBudgetArgs & any) => void): StackResource {
    const props = {
        metadata: { name: "web", namespace: "shop" },
        spec: { minAvailable: 2, selector: { matchLabels: { app: "web" } } },
    } satisfies k8s.policy.v1.PodDisruptionBudgetArgs;
    mutate?.(props);
    return { type: PDB, name: "web-pdb", props };
}

const hpa = (minReplicas?: number): StackResource => ({
    type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    name: "web-hpa",
    props: {
        metadata: { name: "web", namespace: "shop" },
        spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas, maxReplicas: 10 },
    } satisfies k8s.autoscaling.v2.HorizontalPodAutoscalerArgs,
});

describe("kubernetes-availability-require-pod-disruption-budget", () => {
    it("passes a replicated workload with a matching, blocking budget", () => {
        expect(checkStack(policy, [deployment(), pdb()]).violations).toEqual([]);
    });

    it("fires on the workload when no budget exists", () => {
        const verdict = checkStack(policy, [deployment()]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'web' runs 3 replicas with no PodDisruptionBudget in namespace 'shop'")]);
        expect(verdict.urns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });

    it("fires when the budget's selector does not match the pod labels", () => {
        expect(checkStack(policy, [deployment(), pdb((p) => { p.spec.selector = { matchLabels: { app: "api" } }; })]).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(), pdb((p) => { p.spec.selector = { matchExpressions: [{ key: "tier", operator: "NotIn", values: ["frontend"] }] }; })]).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(), pdb((p) => { delete p.spec.selector; })]).violations).toHaveLength(1);
    });

    it("fires when the budget is in another namespace", () => {
        expect(checkStack(policy, [deployment(), pdb((p) => { p.metadata.namespace = "other"; })]).violations).toHaveLength(1);
    });

    it("fires on the budget when it lets every replica go", () => {
        for (const spec of [{ minAvailable: 0 }, { minAvailable: "0%" }, { maxUnavailable: 3 }, { maxUnavailable: "100%" }, { minAvailable: "most" }]) {
            const verdict = checkStack(policy, [deployment(), pdb((p) => { p.spec = { ...spec, selector: p.spec.selector }; })]);
            expect(verdict.violations).toEqual([expect.stringContaining("PodDisruptionBudget 'web'")]);
            expect(verdict.urns).toEqual([urnOf(PDB, "web-pdb")]);
        }
    });

    it("accepts maxUnavailable below the replica count, an empty v1 selector and matchExpressions", () => {
        expect(checkStack(policy, [deployment(), pdb((p) => { p.spec = { maxUnavailable: "50%", selector: p.spec.selector }; })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment(), pdb((p) => { p.spec.selector = {}; })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment(), pdb((p) => { p.spec.selector = { matchExpressions: [{ key: "tier", operator: "In", values: ["frontend"] }] }; })]).violations).toEqual([]);
        // Neither field: the disruption controller then blocks every eviction.
        expect(checkStack(policy, [deployment(), pdb((p) => { delete p.spec.minAvailable; })]).violations).toEqual([]);
    });

    it("requires no budget for a single replica, omitted replicas included", () => {
        expect(checkStack(policy, [deployment((d) => { d.spec.replicas = 1; })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment((d) => { delete d.spec.replicas; })]).violations).toEqual([]);
    });

    it("counts an autoscaler's minReplicas", () => {
        const single = deployment((d) => { delete d.spec.replicas; });
        expect(checkStack(policy, [single, hpa(2)]).violations).toHaveLength(1);
        expect(checkStack(policy, [single, hpa(undefined)]).violations).toEqual([]);
    });

    it("covers StatefulSets", () => {
        const sts: k8s.apps.v1.StatefulSetArgs = {
            metadata: { name: "db", namespace: "shop" },
            spec: { replicas: 3, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "db", image: "db:1" }] } } },
        };
        expect(checkStack(policy, [{ type: "kubernetes:apps/v1:StatefulSet", name: "db", props: sts }, pdb()]).violations).toEqual([expect.stringContaining("StatefulSet 'db'")]);
    });

    it("takes the replica threshold from config", () => {
        const two = deployment((d) => { d.spec.replicas = 2; });
        expect(checkStack(policy, [two]).violations).toHaveLength(1);
        expect(checkStack(policy, [two], { minimumReplicas: 3 }).violations).toEqual([]);
    });

    it("leaves a selector unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [deployment(), pdb((p) => { p.spec.selector = UNKNOWN; })]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
