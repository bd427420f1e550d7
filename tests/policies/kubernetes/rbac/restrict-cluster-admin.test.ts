import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/rbac/restrict-cluster-admin";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const CLUSTER_ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";
const ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";

type PolicyRule = k8s.types.input.rbac.v1.PolicyRule;
type RoleRef = k8s.types.input.rbac.v1.RoleRef;

const SUBJECTS: k8s.types.input.rbac.v1.Subject[] = [
    { kind: "Group", name: "developers", apiGroup: "rbac.authorization.k8s.io" },
    { kind: "ServiceAccount", name: "deployer", namespace: "ci" },
];

function clusterBinding(roleRef: RoleRef, name = "ops", subjects = SUBJECTS): StackResource {
    const props: k8s.rbac.v1.ClusterRoleBindingArgs = { metadata: { name }, roleRef, subjects };
    return { type: CLUSTER_ROLE_BINDING, name, props };
}

function roleBinding(roleRef: RoleRef, name = "app-admin", namespace = "shop"): StackResource {
    const props: k8s.rbac.v1.RoleBindingArgs = { metadata: { name, namespace }, roleRef, subjects: [{ kind: "ServiceAccount", name: "app" }] };
    return { type: ROLE_BINDING, name, props };
}

function clusterRole(name: string, rules: PolicyRule[], labels?: Record<string, string>): StackResource {
    const props: k8s.rbac.v1.ClusterRoleArgs = { metadata: { name, labels }, rules };
    return { type: CLUSTER_ROLE, name, props };
}

function role(name: string, rules: PolicyRule[], namespace = "shop"): StackResource {
    const props: k8s.rbac.v1.RoleArgs = { metadata: { name, namespace }, rules };
    return { type: ROLE, name, props };
}

const ref = (kind: "ClusterRole" | "Role", name: string): RoleRef => ({ apiGroup: "rbac.authorization.k8s.io", kind, name });
const ALL_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "escalate", "bind", "impersonate"];
const EVERYTHING: PolicyRule = { apiGroups: ["*"], resources: ["*"], verbs: ["*"] };
const READER: PolicyRule = { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] };

describe("kubernetes-rbac-restrict-cluster-admin", () => {
    it("passes a binding to a built-in or a least-privilege role", () => {
        expect(checkStack(policy, [clusterBinding(ref("ClusterRole", "view"))]).violations).toEqual([]);
        expect(checkStack(policy, [role("reader", [READER]), roleBinding(ref("Role", "reader"))]).violations).toEqual([]);
    });

    it("fires once per subject bound to cluster-admin, on the binding", () => {
        const verdict = checkStack(policy, [clusterBinding(ref("ClusterRole", "cluster-admin"))]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("ClusterRoleBinding 'ops' grants cluster-admin to Group:developers"),
            expect.stringContaining("grants cluster-admin to ServiceAccount:ci/deployer"),
        ]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER_ROLE_BINDING, "ops"), urnOf(CLUSTER_ROLE_BINDING, "ops")]);
    });

    it("fires on a RoleBinding to cluster-admin, a service account defaulting to the binding's namespace", () => {
        expect(checkStack(policy, [roleBinding(ref("ClusterRole", "cluster-admin"))]).violations).toEqual([
            expect.stringContaining("RoleBinding 'app-admin' grants cluster-admin to ServiceAccount:shop/app"),
        ]);
    });

    it("fires on a binding to a custom ClusterRole granting '*' on '*' in '*', naming the role and why", () => {
        const verdict = checkStack(policy, [clusterRole("superuser", [READER, EVERYTHING]), clusterBinding(ref("ClusterRole", "superuser"))]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("ClusterRoleBinding 'ops' grants ClusterRole 'superuser', as powerful as cluster-admin (it grants every verb ('*') on every resource of every API group in rules[1]) to Group:developers"),
            expect.stringContaining("to ServiceAccount:ci/deployer"),
        ]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER_ROLE_BINDING, "ops"), urnOf(CLUSTER_ROLE_BINDING, "ops")]);
    });

    it("fires on every verb written out, in any order and split across rules", () => {
        const listed = [...ALL_VERBS].reverse();
        expect(checkStack(policy, [clusterRole("superuser", [{ apiGroups: ["*"], resources: ["*"], verbs: listed }]), clusterBinding(ref("ClusterRole", "superuser"))]).violations).toHaveLength(2);
        const split: PolicyRule[] = [
            { apiGroups: ["*"], resources: ["*"], verbs: ALL_VERBS.slice(0, 5) },
            { apiGroups: ["*", "apps"], resources: ["pods", "*"], verbs: ALL_VERBS.slice(5) },
        ];
        expect(checkStack(policy, [clusterRole("superuser", split), clusterBinding(ref("ClusterRole", "superuser"))]).violations).toEqual([
            expect.stringContaining("in rules[0], rules[1]"), expect.anything(),
        ]);
    });

    it("fires on a RoleBinding to a namespaced Role granting everything, only in the Role's namespace", () => {
        expect(checkStack(policy, [role("owner", [EVERYTHING]), roleBinding(ref("Role", "owner"))]).violations).toEqual([
            expect.stringContaining("RoleBinding 'app-admin' grants Role 'owner', as powerful as cluster-admin"),
        ]);
        expect(checkStack(policy, [role("owner", [EVERYTHING], "other"), roleBinding(ref("Role", "owner"))]).violations).toEqual([]);
    });

    it("passes a role short of every verb, every resource or every API group", () => {
        for (const rule of [
            { apiGroups: ["*"], resources: ["*"], verbs: ALL_VERBS.filter((v) => v !== "impersonate") },
            { apiGroups: ["*"], resources: ["pods"], verbs: ["*"] },
            { apiGroups: [""], resources: ["*"], verbs: ["*"] },
        ]) {
            expect(checkStack(policy, [clusterRole("broad", [rule]), clusterBinding(ref("ClusterRole", "broad"))]).violations).toEqual([]);
        }
    });

    it("fires on an aggregated ClusterRole that picks up an all-powerful ClusterRole of the stack", () => {
        const aggregated: StackResource = {
            type: CLUSTER_ROLE,
            name: "platform",
            props: { metadata: { name: "platform" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "example.com/aggregate-to-platform": "true" } }] } } satisfies k8s.rbac.v1.ClusterRoleArgs,
        };
        const member = clusterRole("platform-everything", [EVERYTHING], { "example.com/aggregate-to-platform": "true" });
        expect(checkStack(policy, [aggregated, member, clusterBinding(ref("ClusterRole", "platform"))]).violations).toEqual([
            expect.stringContaining("grants ClusterRole 'platform', as powerful as cluster-admin (it aggregates ClusterRole 'platform-everything', which grants every verb"),
            expect.anything(),
        ]);
        const unlabelled = clusterRole("platform-everything", [EVERYTHING]);
        expect(checkStack(policy, [aggregated, unlabelled, clusterBinding(ref("ClusterRole", "platform"))]).violations).toEqual([]);
    });

    it("ignores a namespaced Role that happens to be called cluster-admin", () => {
        expect(checkStack(policy, [roleBinding(ref("Role", "cluster-admin"))]).violations).toEqual([]);
    });

    it("passes a binding without subjects, which grants nothing", () => {
        const props: k8s.rbac.v1.ClusterRoleBindingArgs = { metadata: { name: "ops" }, roleRef: ref("ClusterRole", "cluster-admin") };
        expect(checkStack(policy, [{ type: CLUSTER_ROLE_BINDING, name: "ops", props }]).violations).toEqual([]);
    });

    it("lets config allow reviewed subjects", () => {
        const stack = [clusterRole("superuser", [EVERYTHING]), clusterBinding(ref("ClusterRole", "superuser")), clusterBinding(ref("ClusterRole", "cluster-admin"), "root")];
        expect(checkStack(policy, stack, { allowedSubjects: ["Group:developers", "ServiceAccount:ci/deployer"] }).violations).toEqual([]);
    });

    it("judges each binding on its own when one role reference is unknown during preview", () => {
        const unknownRef = clusterBinding({ ...ref("ClusterRole", "x"), name: UNKNOWN }, "unknown");
        const verdict = checkStack(policy, [
            clusterRole("superuser", [EVERYTHING]),
            clusterBinding(ref("ClusterRole", "superuser"), "bad", [SUBJECTS[0]]),
            unknownRef,
            clusterBinding(ref("ClusterRole", "view"), "good"),
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("ClusterRoleBinding 'bad'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER_ROLE_BINDING, "unknown")]);
    });

    it("follows the dependency graph to the role when the role's name is unknown during preview", () => {
        const superuser = clusterRole("superuser", [EVERYTHING]);
        const binding: StackResource = {
            ...clusterBinding({ ...ref("ClusterRole", "x"), name: UNKNOWN }, "linked", [SUBJECTS[0]]),
            propertyDependencies: { roleRef: [urnOf(CLUSTER_ROLE, "superuser")] },
        };
        const verdict = checkStack(policy, [superuser, binding]);
        expect(verdict.violations).toEqual([expect.stringContaining("ClusterRoleBinding 'linked' grants ClusterRole 'superuser'")]);
        expect(verdict.unknown).toBeUndefined();
    });

    it("makes unknown only the bindings of a role whose rules are unknown during preview", () => {
        const hidden: StackResource = { type: CLUSTER_ROLE, name: "hidden", props: { metadata: { name: "hidden" }, rules: UNKNOWN } };
        const verdict = checkStack(policy, [hidden, clusterBinding(ref("ClusterRole", "hidden"), "to-hidden"), clusterBinding(ref("ClusterRole", "cluster-admin"), "root", [SUBJECTS[0]])]);
        expect(verdict.violations).toEqual([expect.stringContaining("ClusterRoleBinding 'root' grants cluster-admin")]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER_ROLE_BINDING, "to-hidden")]);
    });

    it("reports the known grant to every subject while their ids, the binding's name and namespace are unknown during preview", () => {
        const subjects = [{ kind: "ServiceAccount", name: UNKNOWN }, { kind: "Group", name: "developers", apiGroup: "rbac.authorization.k8s.io" }];
        const binding: StackResource = { type: ROLE_BINDING, name: "app-admin", props: { metadata: { name: UNKNOWN, namespace: UNKNOWN }, roleRef: ref("ClusterRole", "cluster-admin"), subjects } };
        expect(checkStack(policy, [binding]).violations).toEqual([
            "RoleBinding 'app-admin' grants cluster-admin to subjects[0]: bind a role that grants only what it needs, or add the subject to allowedSubjects after review.",
            "RoleBinding 'app-admin' grants cluster-admin to Group:developers: bind a role that grants only what it needs, or add 'Group:developers' to allowedSubjects after review.",
        ]);
        // With subjects allowed, the unknown id decides for its subject.
        expect(checkStack(policy, [binding], { allowedSubjects: ["Group:developers"] }).unknownUrns).toEqual([urnOf(ROLE_BINDING, "app-admin")]);
        // A role's rules unknown during preview next to a known all-powerful rule.
        const powerful = clusterRole("god", [UNKNOWN as never, EVERYTHING]);
        expect(checkStack(policy, [powerful, clusterBinding(ref("ClusterRole", "god"))]).violations).toHaveLength(2);
    });
});
