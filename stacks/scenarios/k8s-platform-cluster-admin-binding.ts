import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The storefront service account is bound to cluster-admin instead of its read-only Role",
    violations: [["kubernetes-rbac-restrict-cluster-admin", "storefront-reader"]],
    patches: [patch<k8s.rbac.v1.RoleBindingArgs>("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "storefront-reader", (a) => {
        a.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" };
    })],
});
