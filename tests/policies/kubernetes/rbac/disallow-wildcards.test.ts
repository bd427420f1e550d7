import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/rbac/disallow-wildcards";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";

function role(mutate?: (args: k8s.rbac.v1.RoleArgs & any) => void): k8s.rbac.v1.RoleArgs {
    const args = {
        metadata: { name: "reader", namespace: "shop" },
        rules: [
            { apiGroups: [""], resources: ["configmaps", "pods"], verbs: ["get", "list", "watch"] },
            { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] },
        ],
    } satisfies k8s.rbac.v1.RoleArgs;
    mutate?.(args);
    return args;
}

const check = (props: object, config?: Record<string, unknown>, type = ROLE) => checkResource(policy, { type, props, config });

describe("kubernetes-rbac-disallow-wildcards", () => {
    it("passes explicit verbs and resources", () => {
        expect(check(role()).violations).toEqual([]);
    });

    it("fires on wildcard verbs", () => {
        expect(check(role((r) => { r.rules[0].verbs = ["*"]; })).violations).toEqual([expect.stringContaining("Role 'reader' grants verbs: ['*'] in rules[0]")]);
    });

    it("fires on wildcard resources, whatever the apiGroups", () => {
        expect(check(role((r) => { r.rules[1] = { apiGroups: ["*"], resources: ["*"], verbs: ["get"] }; })).violations).toEqual([expect.stringContaining("resources: ['*'] in rules[1]")]);
    });

    it("reports verbs and resources together for one rule", () => {
        expect(check(role((r) => { r.rules = [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]; })).violations).toEqual([expect.stringContaining("verbs: ['*'] and resources: ['*']")]);
    });

    it("fires on wildcard non-resource URLs in a ClusterRole", () => {
        const clusterRole: k8s.rbac.v1.ClusterRoleArgs = { metadata: { name: "metrics" }, rules: [{ nonResourceURLs: ["*"], verbs: ["get"] }] };
        expect(check(clusterRole, undefined, CLUSTER_ROLE).violations).toEqual([expect.stringContaining("ClusterRole 'metrics' grants nonResourceURLs: ['*']")]);
    });

    it("passes a role without rules (an aggregated ClusterRole) and a Patch that does not set rules", () => {
        const aggregated: k8s.rbac.v1.ClusterRoleArgs = { metadata: { name: "view-all" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-view": "true" } }] } };
        expect(check(aggregated, undefined, CLUSTER_ROLE).violations).toEqual([]);
        expect(check({ metadata: { name: "reader" } }, undefined, "kubernetes:rbac.authorization.k8s.io/v1:RolePatch").violations).toEqual([]);
    });

    it("exempts roles listed in config", () => {
        const props = role((r) => { r.rules[0].verbs = ["*"]; });
        expect(check(props, { allowedRoles: ["reader"] }).violations).toEqual([]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = check(role((r) => { r.rules[0].verbs = UNKNOWN; }));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
