import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/availability/require-unhealthy-pod-eviction";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const PDB = "kubernetes:policy/v1:PodDisruptionBudget";

function budget(unhealthyPodEvictionPolicy?: string): { type: string; props: k8s.policy.v1.PodDisruptionBudgetArgs } {
    return { type: PDB, props: { metadata: { name: "web", namespace: "shop" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "web" } }, unhealthyPodEvictionPolicy } } };
}

describe("kubernetes-availability-require-unhealthy-pod-eviction", () => {
    it("passes AlwaysAllow", () => {
        expect(checkResource(policy, budget("AlwaysAllow")).violations).toEqual([]);
    });

    it("fires on IfHealthyBudget and on a value that is not a string", () => {
        expect(checkResource(policy, budget("IfHealthyBudget")).violations).toEqual([expect.stringContaining("PodDisruptionBudget 'web' sets spec.unhealthyPodEvictionPolicy to IfHealthyBudget")]);
        expect(checkResource(policy, { type: PDB, props: { spec: { unhealthyPodEvictionPolicy: 1 } } }).violations).toEqual([expect.stringContaining("not a string")]);
    });

    it("fires when omitted (Kubernetes uses IfHealthyBudget), except on a patch", () => {
        expect(checkResource(policy, budget()).violations).toEqual([expect.stringContaining("omits spec.unhealthyPodEvictionPolicy")]);
        const patch: k8s.policy.v1.PodDisruptionBudgetPatchArgs = { metadata: { name: "web" }, spec: { minAvailable: 2 } };
        expect(checkResource(policy, { type: `${PDB}Patch`, props: patch }).violations).toEqual([]);
    });

    it("is unknown when the value is unknown during preview", () => {
        expect(checkResource(policy, budget(UNKNOWN)).unknown).toBeDefined();
    });

    it("accepts IfHealthyBudget when configured", () => {
        expect(checkResource(policy, { ...budget("IfHealthyBudget"), config: { allowedPolicies: ["AlwaysAllow", "IfHealthyBudget"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...budget(), config: { allowedPolicies: ["AlwaysAllow", "IfHealthyBudget"] } }).violations).toEqual([]);
    });
});
