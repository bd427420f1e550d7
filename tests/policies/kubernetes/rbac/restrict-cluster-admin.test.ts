import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/rbac/restrict-cluster-admin";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const CLUSTER_ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";
const ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";

function binding(mutate?: (args: k8s.rbac.v1.ClusterRoleBindingArgs & any) => void): k8s.rbac.v1.ClusterRoleBindingArgs {
    const args = {
        metadata: { name: "ops" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
        subjects: [
            { kind: "Group", name: "developers", apiGroup: "rbac.authorization.k8s.io" },
            { kind: "ServiceAccount", name: "deployer", namespace: "ci" },
        ],
    } satisfies k8s.rbac.v1.ClusterRoleBindingArgs;
    mutate?.(args);
    return args;
}

const admin = (b: any) => { b.roleRef.name = "cluster-admin"; };
const check = (props: object, config?: Record<string, unknown>, type = CLUSTER_ROLE_BINDING) => checkResource(policy, { type, props, config });

describe("kubernetes-rbac-restrict-cluster-admin", () => {
    it("passes a binding to another ClusterRole", () => {
        expect(check(binding()).violations).toEqual([]);
    });

    it("fires once per subject bound to cluster-admin", () => {
        expect(check(binding(admin)).violations).toEqual([
            expect.stringContaining("ClusterRoleBinding 'ops' grants cluster-admin to Group:developers"),
            expect.stringContaining("grants cluster-admin to ServiceAccount:ci/deployer"),
        ]);
    });

    it("fires on a RoleBinding to cluster-admin, a service account defaulting to the binding's namespace", () => {
        const props: k8s.rbac.v1.RoleBindingArgs = {
            metadata: { name: "app-admin", namespace: "shop" },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
            subjects: [{ kind: "ServiceAccount", name: "app" }],
        };
        expect(check(props, undefined, ROLE_BINDING).violations).toEqual([expect.stringContaining("RoleBinding 'app-admin' grants cluster-admin to ServiceAccount:shop/app")]);
    });

    it("ignores a namespaced Role that happens to be called cluster-admin", () => {
        expect(check(binding((b) => { b.roleRef.kind = "Role"; b.roleRef.name = "cluster-admin"; }), undefined, ROLE_BINDING).violations).toEqual([]);
    });

    it("passes a binding without subjects, which grants nothing", () => {
        expect(check(binding((b) => { admin(b); delete b.subjects; })).violations).toEqual([]);
    });

    it("lets config allow reviewed subjects", () => {
        const verdict = check(binding(admin), { allowedSubjects: ["Group:developers", "ServiceAccount:ci/deployer"] });
        expect(verdict.violations).toEqual([]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = check(binding((b) => { b.roleRef.name = UNKNOWN; }));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
