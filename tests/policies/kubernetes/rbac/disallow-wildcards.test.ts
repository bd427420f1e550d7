import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/rbac/disallow-wildcards";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";

type PolicyRule = k8s.types.input.rbac.v1.PolicyRule;

function role(mutate?: (rules: PolicyRule[]) => void): k8s.rbac.v1.RoleArgs {
    const rules: PolicyRule[] = [
        { apiGroups: [""], resources: ["configmaps", "pods"], verbs: ["get", "list", "watch"] },
        { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] },
    ];
    mutate?.(rules);
    return { metadata: { name: "reader", namespace: "shop" }, rules };
}

const check = (props: object, config?: Record<string, unknown>, type = ROLE) => checkResource(policy, { type, props, config });

describe("kubernetes-rbac-disallow-wildcards", () => {
    it("passes explicit verbs and resources", () => {
        expect(check(role()).violations).toEqual([]);
    });

    it("fires on wildcard verbs", () => {
        expect(check(role((r) => { r[0].verbs = ["*"]; })).violations).toEqual([expect.stringContaining("Role 'reader' grants verbs: ['*'] in rules[0]")]);
    });

    it("fires on wildcard resources, whatever the apiGroups", () => {
        expect(check(role((r) => { r[1] = { apiGroups: ["*"], resources: ["*"], verbs: ["get"] }; })).violations).toEqual([expect.stringContaining("resources: ['*'] in rules[1]")]);
    });

    it("reports verbs and resources together for one rule", () => {
        expect(check(role((r) => { r.splice(0, 2, { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }); })).violations).toEqual([expect.stringContaining("apiGroups: ['*'] and resources: ['*'] and verbs: ['*']")]);
    });

    it("fires on a wildcard in apiGroups alone", () => {
        expect(check(role((r) => { r[1].apiGroups = ["*"]; })).violations).toEqual([
            "Role 'reader' grants apiGroups: ['*'] in rules[1]: list the exact apiGroups the subject needs.",
        ]);
    });

    it("fires on a subresource of every resource ('*/scale')", () => {
        expect(check(role((r) => { r[1].resources = ["deployments", "*/scale"]; })).violations).toEqual([expect.stringContaining("resources: ['*/scale'] in rules[1]")]);
    });

    it("passes wildcard-free rules that only name groups, subresources and URL prefixes", () => {
        expect(check(role((r) => { r[1] = { apiGroups: ["apps", "batch"], resources: ["deployments/scale"], verbs: ["update"] }; })).violations).toEqual([]);
        const urls: k8s.rbac.v1.ClusterRoleArgs = { metadata: { name: "health" }, rules: [{ nonResourceURLs: ["/healthz", "/livez"], verbs: ["get"] }] };
        expect(check(urls, undefined, CLUSTER_ROLE).violations).toEqual([]);
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
        const props = role((r) => { r[0].verbs = ["*"]; });
        expect(check(props, { allowedRoles: ["reader"] }).violations).toEqual([]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = check(role((r) => { r[0].verbs = UNKNOWN as never; }));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reads the role's name only when allowedRoles could exempt a wildcard, and known entries first", () => {
        const wild = { metadata: { name: UNKNOWN, namespace: "shop" }, rules: [UNKNOWN, { apiGroups: [""], resources: ["pods"], verbs: [UNKNOWN, "*"] }] };
        expect(checkResource(policy, { type: ROLE, name: "reader", props: wild })).toEqual({ violations: [expect.stringContaining("Role 'reader' grants verbs: ['*'] in rules[1]")] });
        expect(checkResource(policy, { type: ROLE, props: { ...role(), metadata: { name: UNKNOWN } } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: ROLE, props: { ...role(), metadata: { name: UNKNOWN } }, config: { allowedRoles: ["admin"] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: ROLE, props: wild, config: { allowedRoles: ["admin"] } }).unknown).toBeDefined();
    });
});
