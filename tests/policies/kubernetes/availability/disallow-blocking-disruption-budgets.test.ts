import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/availability/disallow-blocking-disruption-budgets";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const LABELS = { app: "web" };
type BudgetSpec = k8s.types.input.policy.v1.PodDisruptionBudgetSpec;

function deployment(count: number | "omitted" = 3, labels: Record<string, string> = LABELS, name = "web"): StackResource {
    const replicas = count === "omitted" ? undefined : count;
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata: { name, namespace: "shop" },
        spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    };
    return { type: "kubernetes:apps/v1:Deployment", name, props };
}

function daemonSet(): StackResource {
    const props: k8s.apps.v1.DaemonSetArgs = {
        metadata: { name: "agent", namespace: "shop" },
        spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "agent", image: "agent:1" }] } } },
    };
    return { type: "kubernetes:apps/v1:DaemonSet", name: "agent", props };
}

function pdb(spec: BudgetSpec, namespace = "shop"): StackResource {
    const props: k8s.policy.v1.PodDisruptionBudgetArgs = { metadata: { name: "web", namespace }, spec: { selector: { matchLabels: LABELS }, ...spec } };
    return { type: PDB, name: "web-pdb", props };
}

const hpa = (minReplicas: number): StackResource => {
    const props: k8s.autoscaling.v2.HorizontalPodAutoscalerArgs = {
        metadata: { name: "web", namespace: "shop" },
        spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas, maxReplicas: 10 },
    };
    return { type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", name: "web-hpa", props };
};

describe("kubernetes-availability-disallow-blocking-disruption-budgets", () => {
    it("passes budgets that let a pod go", () => {
        for (const spec of [{ minAvailable: 2 }, { maxUnavailable: 1 }, { maxUnavailable: "25%" }, { minAvailable: "50%" }]) {
            expect(checkStack(policy, [deployment(), pdb(spec)]).violations).toEqual([]);
        }
    });

    it("fires on maxUnavailable 0 and 0%, whatever they select", () => {
        for (const maxUnavailable of [0, "0%"]) {
            const verdict = checkStack(policy, [pdb({ maxUnavailable })]);
            expect(verdict.violations).toEqual([expect.stringContaining(`PodDisruptionBudget 'web' sets maxUnavailable to ${maxUnavailable}`)]);
            expect(verdict.urns).toEqual([urnOf(PDB, "web-pdb")]);
        }
    });

    it("fires on minAvailable 100%", () => {
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: "100%" })]).violations).toEqual([expect.stringContaining("minAvailable to 100%")]);
    });

    it("fires on minAvailable at or above the pods the selected workloads run", () => {
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 3 })]).violations).toEqual([expect.stringContaining("run 3 pods, so no pod can be evicted")]);
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 5 })]).violations).toHaveLength(1);
        // replicas omitted: one pod
        expect(checkStack(policy, [deployment("omitted"), pdb({ minAvailable: 1 })]).violations).toHaveLength(1);
        // two workloads under one budget: their pods add up
        expect(checkStack(policy, [deployment(2), deployment(2, { app: "web", tier: "canary" }, "web-canary"), pdb({ minAvailable: 3 })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment(2), deployment(2, { app: "web", tier: "canary" }, "web-canary"), pdb({ minAvailable: 4 })]).violations).toHaveLength(1);
    });

    it("counts an autoscaler's minReplicas as the floor", () => {
        expect(checkStack(policy, [deployment(5), hpa(2), pdb({ minAvailable: 2 })]).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(1), hpa(3), pdb({ minAvailable: 2 })]).violations).toEqual([]);
    });

    it("does not judge a minAvailable count it cannot compare: nothing selected, another namespace, a DaemonSet", () => {
        expect(checkStack(policy, [pdb({ minAvailable: 3 })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 3 }, "other")]).violations).toEqual([]);
        expect(checkStack(policy, [daemonSet(), pdb({ minAvailable: 3 })]).violations).toEqual([]);
    });

    it("fires on a budget that sets neither minAvailable nor maxUnavailable, which allows no eviction", () => {
        for (const selected of [[deployment()], [daemonSet()], []]) {
            const verdict = checkStack(policy, [...selected, pdb({})]);
            expect(verdict.violations).toEqual([
                "PodDisruptionBudget 'web' sets neither minAvailable nor maxUnavailable, so the disruption controller allows no eviction of the pods it selects and node drains hang: set maxUnavailable to 1 or more, or minAvailable below the number of pods it selects.",
            ]);
            expect(verdict.urns).toEqual([urnOf(PDB, "web-pdb")]);
        }
        // A selector unknown during preview is still a selector; a budget without one selects no pod.
        expect(checkStack(policy, [pdb({ selector: UNKNOWN as never })]).violations).toHaveLength(1);
        const unselecting: StackResource = { type: PDB, name: "web-pdb", props: { metadata: { name: "web", namespace: "shop" }, spec: {} } };
        expect(checkStack(policy, [deployment(), unselecting]).violations).toEqual([]);
    });

    it("is unknown for the budget alone when its values are unknown during preview", () => {
        const verdict = checkStack(policy, [deployment(), pdb({ maxUnavailable: UNKNOWN }), { ...pdb({ maxUnavailable: 0 }), name: "other-pdb" }]);
        expect(verdict.violations).toHaveLength(1);
        expect(verdict.unknownUrns).toEqual([urnOf(PDB, "web-pdb")]);
        expect(checkStack(policy, [deployment(UNKNOWN as unknown as number), pdb({ minAvailable: 3 })]).unknownUrns).toEqual([urnOf(PDB, "web-pdb")]);
    });

    it("requires more evictable pods when configured", () => {
        expect(checkStack(policy, [deployment(), pdb({ minAvailable: 2 })], { minimumAllowedDisruptions: 2 }).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(), pdb({ maxUnavailable: 1 })], { minimumAllowedDisruptions: 2 }).violations).toHaveLength(1);
    });

    it("reads no workload name without an autoscaler, and names a budget whose name is unknown during preview by its Pulumi name", () => {
        const web = deployment(2);
        const unnamed = { ...web, props: { ...web.props, metadata: { name: UNKNOWN, namespace: "shop" } } };
        const budget = pdb({ minAvailable: 2 });
        const unnamedBudget = { ...budget, props: { ...budget.props, metadata: { name: UNKNOWN, namespace: "shop" } } };
        expect(checkStack(policy, [unnamed, unnamedBudget]).violations).toEqual([expect.stringContaining("PodDisruptionBudget 'web-pdb' sets minAvailable to 2 while the workloads it selects run 2 pods")]);
        expect(checkStack(policy, [unnamed, pdb({ minAvailable: 1 })])).toEqual({ violations: [], urns: [] });
    });
});
