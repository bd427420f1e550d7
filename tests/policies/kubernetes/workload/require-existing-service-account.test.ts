import policy from "../../../../policies/kubernetes/workload/require-existing-service-account";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";
import { serviceAccount, TYPES, web } from "../stack-fixtures";

describe("kubernetes-workload-require-existing-service-account", () => {
    it("passes a workload naming a declared ServiceAccount, default, or none", () => {
        expect(checkStack(policy, [serviceAccount(), web({ serviceAccountName: "web" })]).violations).toEqual([]);
        expect(checkStack(policy, [serviceAccount(), web({ serviceAccountName: "default" })]).violations).toEqual([]);
        expect(checkStack(policy, [serviceAccount(), web()]).violations).toEqual([]);
    });

    it("fires on a ServiceAccount the stack does not declare in the workload's namespace", () => {
        const verdict = checkStack(policy, [serviceAccount(), web({ serviceAccountName: "wbe" })]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'web' runs as ServiceAccount 'wbe', which the stack does not declare in namespace 'shop'")]);
        expect(verdict.urns).toEqual([urnOf(TYPES.Deployment, "web")]);
        expect(checkStack(policy, [serviceAccount("web", "other"), web({ serviceAccountName: "web" })]).violations).toHaveLength(1);
    });

    it("does not judge a stack that declares no ServiceAccount", () => {
        expect(checkStack(policy, [web({ serviceAccountName: "web" })]).violations).toEqual([]);
    });

    it("is unknown for the workload when its account, or a declared account's name, is unknown during preview", () => {
        expect(checkStack(policy, [serviceAccount(), web({ serviceAccountName: UNKNOWN })]).unknownUrns).toEqual([urnOf(TYPES.Deployment, "web")]);
        expect(checkStack(policy, [serviceAccount(UNKNOWN), web({ serviceAccountName: "web" })]).unknownUrns).toEqual([urnOf(TYPES.Deployment, "web")]);
    });

    it("accepts accounts listed in externalServiceAccounts", () => {
        expect(checkStack(policy, [serviceAccount(), web({ serviceAccountName: "vault-agent" })], { externalServiceAccounts: ["default", "shop/vault-agent"] }).violations).toEqual([]);
    });

    it("reads the workload's namespace only when an account of that name may be declared there", () => {
        // Listed by name alone, or declared nowhere under that name: the namespace decides nothing.
        expect(checkStack(policy, [serviceAccount(), web({ namespace: UNKNOWN, serviceAccountName: "default" })])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [serviceAccount(), web({ namespace: UNKNOWN, serviceAccountName: "missing" })]).violations)
            .toEqual(["Deployment 'web' runs as ServiceAccount 'missing', which the stack does not declare in the workload's namespace: declare it, or set serviceAccountName to one the stack declares."]);
        // Declared under that name in some namespace: the unknown namespace decides.
        expect(checkStack(policy, [serviceAccount(), web({ namespace: UNKNOWN, serviceAccountName: "web" })]).unknownUrns).toEqual([urnOf(TYPES.Deployment, "web")]);
    });
});
