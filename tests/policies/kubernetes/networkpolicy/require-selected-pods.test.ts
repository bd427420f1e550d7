import policy from "../../../../policies/kubernetes/networkpolicy/require-selected-pods";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";
import { networkPolicy, TYPES, web } from "../stack-fixtures";

describe("kubernetes-networkpolicy-require-selected-pods", () => {
    it("passes a podSelector matching a pod template, and the empty selector", () => {
        expect(checkStack(policy, [web(), networkPolicy({ matchLabels: { app: "web" } })]).violations).toEqual([]);
        expect(checkStack(policy, [web(), networkPolicy({ matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] })]).violations).toEqual([]);
        expect(checkStack(policy, [web(), networkPolicy({})]).violations).toEqual([]);
    });

    it("fires on a podSelector that selects no pod template of its namespace", () => {
        const verdict = checkStack(policy, [web(), networkPolicy({ matchLabels: { app: "api" } })]);
        expect(verdict.violations).toEqual([expect.stringContaining("NetworkPolicy 'web' has a podSelector that selects no pod template in namespace 'shop'")]);
        expect(verdict.urns).toEqual([urnOf(TYPES.NetworkPolicy, "web-netpol")]);
        expect(checkStack(policy, [web(), networkPolicy({ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] })]).violations).toHaveLength(1);
    });

    it("does not judge a namespace where the stack declares no workload", () => {
        expect(checkStack(policy, [web(), networkPolicy({ matchLabels: { app: "api" } }, "other")]).violations).toEqual([]);
    });

    it("is unknown for the NetworkPolicy when its selector is unknown during preview", () => {
        expect(checkStack(policy, [web(), networkPolicy({ matchLabels: { app: UNKNOWN } })]).unknownUrns).toEqual([urnOf(TYPES.NetworkPolicy, "web-netpol")]);
    });
});
