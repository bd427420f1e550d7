// What the RBAC policies share: the role types they judge, and the walk over a role's rules that
// reads the role's name only through an allow-list, and an unknown entry only when it decides.
import type { Report } from "./define";
import { describeWorkload, kindTypes } from "./kubernetes";
import { attempt, judgeItems, knownItems, unlessListed } from "./unknowns";
import { at, record, text } from "./values";

const RBAC_VERSIONS = ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"];

/** Role and ClusterRole in every RBAC version. */
export const ROLE_TYPES = [...kindTypes("Role", RBAC_VERSIONS), ...kindTypes("ClusterRole", RBAC_VERSIONS)];

/** RoleBinding and ClusterRoleBinding in every RBAC version. */
export const BINDING_TYPES = [...kindTypes("RoleBinding", RBAC_VERSIONS), ...kindTypes("ClusterRoleBinding", RBAC_VERSIONS)];

/** The string entries of a rule's list field that are known during preview. */
export type RuleEntries = (field: string) => string[];

/**
 * Judges each rule of a Role or ClusterRole, unless `allowedRoles` lists the role; the role's name
 * is read only once a rule grants something and the list is not empty. `judgeRule` reports what a
 * rule grants and says whether it reported; an entry unknown during preview decides only when the
 * known entries grant nothing. An aggregated ClusterRole's rules are filled in by the controller:
 * they are judged where declared.
 */
export function judgeRoleRules(
    subject: { type: string; name: string; props: Record<string, any> },
    allowedRoles: readonly string[],
    report: Report,
    judgeRule: (rule: Record<string, unknown>, entries: RuleEntries, index: number, role: string, report: Report) => boolean,
): void {
    const { type, name, props } = subject;
    const listed = () => allowedRoles.includes(text(at(props, "metadata", "name")) ?? name);
    unlessListed(allowedRoles, listed, report, (report) => {
        const role = describeWorkload(type, name, props);
        judgeItems(props.rules, report, (item, index, report) => {
            const rule = record(item);
            if (!rule) {
                return;
            }
            let unknown: unknown;
            const entries: RuleEntries = (field) => {
                const value = attempt(() => rule[field]);
                const known = knownItems(value.value);
                unknown ??= value.unknown ?? known.unknown;
                return known.items.filter((entry): entry is string => typeof entry === "string");
            };
            if (!judgeRule(rule, entries, index, role, report) && unknown !== undefined) {
                throw unknown;
            }
        });
    });
}
