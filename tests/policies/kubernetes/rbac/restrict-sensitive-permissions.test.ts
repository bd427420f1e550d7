import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/rbac/restrict-sensitive-permissions";
import { checkResource, UNKNOWN } from "../../../harness/policy";

type Rule = k8s.types.input.rbac.v1.PolicyRule;

function role(rules: Rule[], type = "kubernetes:rbac.authorization.k8s.io/v1:Role") {
    const props: k8s.rbac.v1.RoleArgs = { metadata: { name: "app", namespace: "shop" }, rules };
    return { type, props };
}

describe("kubernetes-rbac-restrict-sensitive-permissions", () => {
    it("passes read access to ordinary resources and to named Secrets", () => {
        expect(checkResource(policy, role([
            { apiGroups: [""], resources: ["configmaps", "pods", "pods/log"], verbs: ["get", "list", "watch"] },
            { apiGroups: [""], resources: ["secrets"], resourceNames: ["app-tls"], verbs: ["get"] },
            { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "patch"] },
        ])).violations).toEqual([]);
    });

    it.each<[string, Rule]>([
        ["pods/exec", { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }],
        ["pods/attach", { apiGroups: [""], resources: ["pods/attach"], verbs: ["get"] }],
        ["secrets", { apiGroups: [""], resources: ["secrets"], verbs: ["list"] }],
        ["deployments", { apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"] }],
        ["pods", { apiGroups: [""], resources: ["pods"], verbs: ["create", "delete"] }],
        ["cronjobs", { apiGroups: ["batch"], resources: ["cronjobs"], verbs: ["create"] }],
        ["clusterroles", { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] }],
        ["rolebindings", { apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings"], verbs: ["bind"] }],
        ["serviceaccounts", { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] }],
    ])("fires on a rule granting %s", (resource, rule) => {
        const verdict = checkResource(policy, role([rule]));
        expect(verdict.violations).toEqual([expect.stringContaining(`Role 'app' grants`)]);
        expect(verdict.violations[0]).toContain(`on ${resource} in rules[0]`);
    });

    it("judges ClusterRoles and patches, and leaves '*' to the wildcard policy", () => {
        expect(checkResource(policy, role([{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }], "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole")).violations).toHaveLength(1);
        const patch: k8s.rbac.v1.ClusterRolePatchArgs = { metadata: { name: "app" }, rules: [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }] };
        expect(checkResource(policy, { type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRolePatch", props: patch }).violations).toHaveLength(1);
        expect(checkResource(policy, role([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }])).violations).toEqual([]);
    });

    it("passes a role without rules (an aggregated ClusterRole)", () => {
        expect(checkResource(policy, role([])).violations).toEqual([]);
    });

    it("is unknown when the rules are unknown during preview", () => {
        expect(checkResource(policy, role([{ apiGroups: [""], resources: ["secrets"], verbs: UNKNOWN as unknown as string[] }])).unknown).toBeDefined();
    });

    it("follows disallowedPermissions and allowedRoles", () => {
        const exec = role([{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }]);
        expect(checkResource(policy, { ...exec, config: { disallowedPermissions: ["secrets-read"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...exec, config: { allowedRoles: ["app"] } }).violations).toEqual([]);
    });

    it("reads the role's name only when allowedRoles could exempt a grant, and known entries first", () => {
        const rules: Rule[] = [UNKNOWN as never, { apiGroups: [""], resources: ["secrets", UNKNOWN], verbs: ["get"] }];
        const props: k8s.rbac.v1.RoleArgs = { metadata: { name: UNKNOWN, namespace: UNKNOWN }, rules };
        const type = "kubernetes:rbac.authorization.k8s.io/v1:Role";
        expect(checkResource(policy, { type, name: "app", props })).toEqual({ violations: [expect.stringContaining("Role 'app' grants get on secrets in rules[1]")] });
        expect(checkResource(policy, { type, props: { ...role([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]).props, metadata: { name: UNKNOWN } } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type, props, config: { allowedRoles: ["app"] } }).unknown).toBeDefined();
    });
});
