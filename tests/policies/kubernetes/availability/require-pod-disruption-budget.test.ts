import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/availability/require-pod-disruption-budget";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const LABELS = { app: "web", tier: "frontend" };

type DeploymentSpec = k8s.types.input.apps.v1.DeploymentSpec;
type BudgetSpec = k8s.types.input.policy.v1.PodDisruptionBudgetSpec;

function deployment(changes: Partial<DeploymentSpec> = {}, name = "web", labels: Record<string, string> | typeof UNKNOWN = LABELS): StackResource {
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata: { name, namespace: "shop" },
        spec: { replicas: 3, selector: { matchLabels: LABELS }, template: { metadata: { labels: labels as Record<string, string> }, spec: { containers: [{ name: "app", image: "app:1" }] } }, ...changes },
    };
    return { type: DEPLOYMENT, name, props };
}

function pdb(spec: BudgetSpec = { minAvailable: 2, selector: { matchLabels: { app: "web" } } }, namespace = "shop"): StackResource {
    const props: k8s.policy.v1.PodDisruptionBudgetArgs = { metadata: { name: "web", namespace }, spec };
    return { type: PDB, name: "web-pdb", props };
}

const SELECTOR = { matchLabels: { app: "web" } };

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
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 2, selector: { matchLabels: { app: "api" } } })]).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 2, selector: { matchExpressions: [{ key: "tier", operator: "NotIn", values: ["frontend"] }] } })]).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 2 })]).violations).toHaveLength(1);
    });

    it("fires when the budget is in another namespace", () => {
        expect(checkStack(policy, [deployment(), pdb(undefined, "other")]).violations).toHaveLength(1);
    });

    it("fires on the budget when it lets every replica go", () => {
        for (const spec of [{ minAvailable: 0 }, { minAvailable: "0%" }, { maxUnavailable: 3 }, { maxUnavailable: "100%" }, { minAvailable: "most" }]) {
            const verdict = checkStack(policy, [deployment(), pdb({ ...spec, selector: SELECTOR } as BudgetSpec)]);
            expect(verdict.violations).toEqual([expect.stringContaining("PodDisruptionBudget 'web'")]);
            expect(verdict.urns).toEqual([urnOf(PDB, "web-pdb")]);
        }
    });

    it("accepts maxUnavailable below the replica count, an empty v1 selector and matchExpressions", () => {
        expect(checkStack(policy, [deployment(), pdb({ maxUnavailable: "50%", selector: SELECTOR })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 2, selector: {} })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 2, selector: { matchExpressions: [{ key: "tier", operator: "In", values: ["frontend"] }] } })]).violations).toEqual([]);
    });

    it("does not count a budget with neither minAvailable nor maxUnavailable, which allows no eviction at all", () => {
        const verdict = checkStack(policy, [deployment(), pdb({ selector: SELECTOR })]);
        expect(verdict.violations).toEqual([
            "PodDisruptionBudget 'web' sets neither minAvailable nor maxUnavailable, so it allows no eviction of the 3 replicas of Deployment 'web' (node drains hang) instead of keeping some up: set minAvailable to 1 or more, or maxUnavailable below 3.",
        ]);
        expect(verdict.urns).toEqual([urnOf(PDB, "web-pdb")]);
        // A working budget beside it protects the pods.
        expect(checkStack(policy, [deployment(), { ...pdb({ selector: SELECTOR }), name: "empty-pdb" }, pdb()]).violations).toEqual([]);
    });

    it("requires no budget for a single replica, omitted replicas included", () => {
        expect(checkStack(policy, [deployment({ replicas: 1 })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment({ replicas: undefined })]).violations).toEqual([]);
    });

    it("counts an autoscaler's minReplicas", () => {
        const single = deployment({ replicas: undefined });
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
        const two = deployment({ replicas: 2 });
        expect(checkStack(policy, [two]).violations).toHaveLength(1);
        expect(checkStack(policy, [two], { minimumReplicas: 3 }).violations).toEqual([]);
    });

    it("judges each workload on its own when one's pod labels are unknown during preview", () => {
        const verdict = checkStack(policy, [deployment({}, "unknown", UNKNOWN), deployment({}, "bad", { app: "api" }), deployment({}, "good"), pdb()]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'bad' runs 3 replicas with no PodDisruptionBudget")]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "unknown")]);
    });

    it("lets a budget with an unknown selector decide only for workloads no known budget protects", () => {
        const hidden: StackResource = { ...pdb({ minAvailable: 1, selector: UNKNOWN as never }), name: "hidden-pdb" };
        const verdict = checkStack(policy, [deployment({}, "covered"), deployment({}, "uncovered", { app: "api" }), pdb(), hidden]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "uncovered")]);
    });

    it("makes unknown a small workload only when an autoscaler with an unknown target could grow it", () => {
        const unknownTarget: StackResource = { ...hpa(2), name: "unknown-hpa", props: { metadata: { name: "x", namespace: "shop" }, spec: { scaleTargetRef: UNKNOWN, minReplicas: 2, maxReplicas: 4 } } };
        const verdict = checkStack(policy, [deployment({ replicas: 1 }, "small"), deployment({}, "big", { app: "api" }), unknownTarget]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'big'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "small")]);
    });

    it("leaves a selector unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [deployment(), pdb({ minAvailable: 2, selector: UNKNOWN as never })]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reads the namespace and name only to find the budgets and autoscalers that may apply", () => {
        const web = deployment();
        const unplaced = { ...web, props: { ...web.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } } };
        // Nothing in the stack could protect it: the violation stands, in words that need no namespace.
        expect(checkStack(policy, [unplaced]).violations).toEqual([
            "Deployment 'web' runs 3 replicas with no PodDisruptionBudget in its namespace selecting its pods: add one whose selector matches the pod template labels, with minAvailable: 1 or more.",
        ]);
        // A budget that may be in its namespace decides.
        expect(checkStack(policy, [unplaced, pdb()]).unknownUrns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });
});
