import { resourcePolicy } from "../../lib/define";
import { judgeRoleRules, ROLE_TYPES } from "../../lib/rbac";

// What the API server reads as "all": '*' in every field, and in resources also '*/<subresource>'
// (that subresource of every resource), as the RBAC authorizer matches them.
const WILDCARD_FIELDS: ReadonlyArray<readonly [string, (entry: string) => boolean]> = [
    ["apiGroups", (entry) => entry === "*"],
    ["resources", (entry) => entry === "*" || entry.startsWith("*/")],
    ["verbs", (entry) => entry === "*"],
    ["nonResourceURLs", (entry) => entry === "*"],
];

export default resourcePolicy({
    name: "kubernetes-rbac-disallow-wildcards",
    description: "Roles and ClusterRoles name the API groups, resources, verbs and URLs they grant instead of using the '*' wildcard.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Replace '*' in rules[].apiGroups, rules[].resources (also '*/<subresource>'), rules[].verbs and rules[].nonResourceURLs with the exact verbs (get, list, watch, ...) and resources the subject needs.",
    tags: ["secrets-identity"],
    config: {
        allowedRoles: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "metadata.name of roles allowed to use wildcards (e.g. a reviewed operator role). Default none: 003 asks for least privilege.",
        },
    },
    resourceTypes: ROLE_TYPES,
    validate: (subject, config, report) => {
        judgeRoleRules(subject, config.allowedRoles, report, (_rule, entries, index, role, report) => {
            const wildcards = WILDCARD_FIELDS
                .map(([field, isWildcard]) => [field, entries(field).filter(isWildcard)] as const)
                .filter(([, found]) => found.length > 0);
            if (wildcards.length > 0) {
                const fields = wildcards.map(([field, found]) => `${field}: [${found.map((e) => `'${e}'`).join(", ")}]`).join(" and ");
                report(`${role} grants ${fields} in rules[${index}]: list the exact ${wildcards.map(([field]) => field).join(" and ")} the subject needs.`);
            }
            return wildcards.length > 0;
        });
    },
});
