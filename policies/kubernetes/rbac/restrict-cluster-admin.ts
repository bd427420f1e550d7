import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { at, Props, records, text } from "../../lib/values";

const RBAC_VERSIONS = ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"];

/** "ServiceAccount:ns/name" for service accounts, "User:name" and "Group:name" otherwise. */
function subjectId(subject: Props, bindingNamespace: string | undefined): string {
    const kind = text(subject.kind) ?? "?";
    const name = text(subject.name) ?? "?";
    if (kind === "ServiceAccount") {
        return `${kind}:${text(subject.namespace) ?? bindingNamespace ?? "default"}/${name}`;
    }
    return `${kind}:${name}`;
}

export default resourcePolicy({
    name: "kubernetes-rbac-restrict-cluster-admin",
    description: "RoleBindings and ClusterRoleBindings grant the cluster-admin ClusterRole only to the subjects listed as allowed.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Bind a Role or ClusterRole that grants only what the subject needs instead of cluster-admin, or add the subject to allowedSubjects after review.",
    tags: ["secrets-identity"],
    config: {
        allowedSubjects: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Subjects allowed to hold cluster-admin, written Kind:name (User:alice, Group:platform-admins) or ServiceAccount:namespace/name. Default none: 003 asks for least privilege.",
        },
    },
    resourceTypes: [...kindTypes("RoleBinding", RBAC_VERSIONS), ...kindTypes("ClusterRoleBinding", RBAC_VERSIONS)],
    validate: ({ type, name, props }, config, report) => {
        const roleRef = at(props, "roleRef");
        if (at(roleRef, "kind") !== "ClusterRole" || at(roleRef, "name") !== "cluster-admin") {
            return;
        }
        const binding = describeWorkload(type, name, props);
        const namespace = text(at(props, "metadata", "namespace"));
        for (const subject of records(props.subjects)) {
            const id = subjectId(subject, namespace);
            if (!config.allowedSubjects.includes(id)) {
                report(`${binding} grants cluster-admin to ${id}: bind a role that grants only what it needs, or add '${id}' to allowedSubjects after review.`);
            }
        }
    },
});
