import type * as k8s from "@pulumi/kubernetes";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The storefront-reader Role grants every verb on every resource of the namespace, and its binding hands that to the storefront service account",
    violations: [["kubernetes-rbac-disallow-wildcards", "storefront-reader"], ["kubernetes-rbac-restrict-cluster-admin", "storefront-reader"]],
    patches: [patch<k8s.rbac.v1.RoleArgs>("kubernetes:rbac.authorization.k8s.io/v1:Role", "storefront-reader", (a) => {
        a.rules = [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }];
    })],
});
