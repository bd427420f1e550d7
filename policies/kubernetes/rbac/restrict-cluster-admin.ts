import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { addTo, describeWorkload, isKind, labelsOf, namespaceOrDefault, selectorMatches } from "../../lib/kubernetes";
import { anyPasses, attempt, judgeItems, known, knownItems, knownOr } from "../../lib/unknowns";
import { at, list, Props, record, records, text } from "../../lib/values";
import { BINDING_TYPES, ROLE_TYPES } from "../../lib/rbac";

const RBAC = "kubernetes:rbac.authorization.k8s.io/";

// Every verb the API server authorizes on resources, the RBAC-specific escalate, bind and impersonate
// included: a role granting all of them on every resource of every API group is cluster-admin in all but name.
const ALL_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "escalate", "bind", "impersonate"];

/** "ServiceAccount:ns/name" for service accounts, "User:name" and "Group:name" otherwise. */
function subjectId(subject: Props, bindingNamespace: () => string): string {
    const kind = text(subject.kind) ?? "?";
    const name = text(subject.name) ?? "?";
    if (kind === "ServiceAccount") {
        return `${kind}:${text(subject.namespace) ?? bindingNamespace()}/${name}`;
    }
    return `${kind}:${name}`;
}

function rbacKind(type: string, kind: string): boolean {
    return type.startsWith(RBAC) && isKind(type, kind);
}

/**
 * Where in a role's rules every verb is granted on every resource of every API group; undefined if
 * nowhere. The rules and entries known during preview decide first; an unknown one is thrown only
 * when they do not make the role all-powerful, as only then can it.
 */
function allPowerfulRules(role: PolicyResource): string | undefined {
    const verbs = new Set<string>();
    const where: number[] = [];
    let unknown: unknown;
    const entries = (read: () => unknown): unknown[] => {
        const value = attempt(read);
        const items = knownItems(value.value);
        unknown ??= value.unknown ?? items.unknown;
        return items.items;
    };
    entries(() => role.props.rules).forEach((item, index) => {
        const rule = record(item);
        if (rule && entries(() => rule.apiGroups).includes("*") && entries(() => rule.resources).includes("*")) {
            where.push(index);
            for (const verb of entries(() => rule.verbs)) {
                if (typeof verb === "string") {
                    verbs.add(verb.toLowerCase());
                }
            }
        }
    });
    if (verbs.has("*") || ALL_VERBS.every((verb) => verbs.has(verb))) {
        const how = verbs.has("*") ? "every verb ('*')" : "every verb (get ... impersonate)";
        return `grants ${how} on every resource of every API group in rules[${where.join("], rules[")}]`;
    }
    if (unknown !== undefined) {
        throw unknown;
    }
    return undefined;
}

export default stackPolicy({
    name: "kubernetes-rbac-restrict-cluster-admin",
    description: "RoleBindings and ClusterRoleBindings grant cluster-admin, or a Role or ClusterRole of the stack as powerful as cluster-admin, only to the subjects listed as allowed.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Bind a Role or ClusterRole that grants only what the subject needs instead of cluster-admin or a role granting every verb on every resource, or add the subject to allowedSubjects after review.",
    tags: ["secrets-identity"],
    config: {
        allowedSubjects: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Subjects allowed to hold cluster-admin, written Kind:name (User:alice, Group:platform-admins) or ServiceAccount:namespace/name. Default none: 003 asks for least privilege.",
        },
    },
    resourceTypes: [...ROLE_TYPES, ...BINDING_TYPES],
    validate: (resources, config, report, context) => {
        // Index the roles once: Roles by namespace/name, ClusterRoles by name. A role whose name is
        // unknown during preview is reachable only through the dependency graph.
        const roles = new Map<string, PolicyResource[]>();
        const clusterRoles = new Map<string, PolicyResource[]>();
        const allClusterRoles: PolicyResource[] = [];
        const roleUrns = new Set<string>();
        const bindings: PolicyResource[] = [];
        for (const resource of resources) {
            if (rbacKind(resource.type, "Role")) {
                roleUrns.add(resource.urn);
                const key = known(() => `${namespaceOrDefault(resource.props)}/${text(at(resource.props, "metadata", "name")) ?? resource.name}`);
                if (key) {
                    addTo(roles, key.value, resource);
                }
            } else if (rbacKind(resource.type, "ClusterRole")) {
                roleUrns.add(resource.urn);
                allClusterRoles.push(resource);
                const key = known(() => text(at(resource.props, "metadata", "name")) ?? resource.name);
                if (key) {
                    addTo(clusterRoles, key.value, resource);
                }
            } else if (rbacKind(resource.type, "RoleBinding") || rbacKind(resource.type, "ClusterRoleBinding")) {
                bindings.push(resource);
            }
        }

        // Why a role is as powerful as cluster-admin, computed once per role. An aggregated
        // ClusterRole holds the rules of every ClusterRole its selectors pick in the stack.
        const verdicts = new Map<string, string | undefined>();
        const whyAdmin = (role: PolicyResource, seen: Set<string> = new Set()): string | undefined => {
            if (verdicts.has(role.urn)) {
                return verdicts.get(role.urn);
            }
            if (seen.has(role.urn)) {
                return undefined;
            }
            seen.add(role.urn);
            let why = allPowerfulRules(role);
            const selectors = records(at(role.props, "aggregationRule", "clusterRoleSelectors"));
            if (!why && selectors.length > 0) {
                // Members with values unknown during preview decide only when no known member is all-powerful.
                anyPasses(allClusterRoles, (member) => {
                    if (member.urn === role.urn || !selectors.some((selector) => selectorMatches(selector, labelsOf(member.props)))) {
                        return false;
                    }
                    const memberWhy = whyAdmin(member, seen);
                    if (memberWhy) {
                        why = `aggregates ${describeWorkload(member.type, member.name, member.props)}, which ${memberWhy}`;
                    }
                    return memberWhy !== undefined;
                });
            }
            verdicts.set(role.urn, why);
            return why;
        };

        for (const binding of bindings) {
            context.judge(binding, () => {
                const subjects = list(binding.props.subjects);
                if (subjects.length === 0) {
                    return; // a binding without subjects grants nothing
                }
                // The binding's namespace decides only a Role it binds and the id of a ServiceAccount
                // subject that names none: it is read for nothing else.
                const placed = attempt(() => namespaceOrDefault(binding.props));
                const namespace = () => (placed.unknown === undefined ? placed.value : namespaceOrDefault(binding.props));
                // A roleRef built from a role's outputs is linked in the dependency graph even while its name is unknown.
                const linked = (binding.propertyDependencies?.roleRef ?? []).filter((d) => roleUrns.has(d.urn));
                const read = () => {
                    const roleRef = record(binding.props.roleRef) ?? {};
                    return { kind: text(roleRef.kind), name: text(roleRef.name) };
                };
                const { kind, name } = linked.length > 0 ? known(read)?.value ?? { kind: undefined, name: undefined } : read();
                let grant: string | undefined;
                if (kind === "ClusterRole" && name === "cluster-admin") {
                    grant = "cluster-admin";
                } else {
                    const targets = name === undefined ? linked
                        : kind === "ClusterRole" ? clusterRoles.get(name) ?? linked
                            : kind === "Role" && rbacKind(binding.type, "RoleBinding") ? roles.get(`${namespace()}/${name}`) ?? linked : [];
                    for (const role of targets) {
                        const why = whyAdmin(role);
                        if (why) {
                            const roleName = describeWorkload(role.type, role.name, role.props);
                            grant = `${roleName}, as powerful as cluster-admin (it ${why})`;
                            break;
                        }
                    }
                }
                if (grant === undefined) {
                    return;
                }
                const described = describeWorkload(binding.type, binding.name, binding.props);
                // Each subject on its own. With no subject allowed, every subject is a violation: its
                // id, maybe unknown during preview, then only names it, and its position stands in.
                judgeItems(subjects, (message) => report(message, binding.urn), (item, index, report) => {
                    const subject = record(item);
                    if (!subject) {
                        return;
                    }
                    const id = config.allowedSubjects.length > 0 ? subjectId(subject, namespace) : knownOr(() => subjectId(subject, namespace), undefined);
                    if (id === undefined) {
                        report(`${described} grants ${grant} to subjects[${index}]: bind a role that grants only what it needs, or add the subject to allowedSubjects after review.`);
                    } else if (!config.allowedSubjects.includes(id)) {
                        report(`${described} grants ${grant} to ${id}: bind a role that grants only what it needs, or add '${id}' to allowedSubjects after review.`);
                    }
                });
            });
        }
    },
});
