import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { attempt, judgeItems, knownItems, unlessListed } from "../../lib/unknowns";
import { at, record, text } from "../../lib/values";

// What the API server reads as "all": '*' in every field, and in resources also '*/<subresource>'
// (that subresource of every resource), as the RBAC authorizer matches them.
const WILDCARD_FIELDS: ReadonlyArray<readonly [string, (entry: string) => boolean]> = [
    ["apiGroups", (entry) => entry === "*"],
    ["resources", (entry) => entry === "*" || entry.startsWith("*/")],
    ["verbs", (entry) => entry === "*"],
    ["nonResourceURLs", (entry) => entry === "*"],
];

const RBAC_VERSIONS = ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"];

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
    resourceTypes: [...kindTypes("Role", RBAC_VERSIONS), ...kindTypes("ClusterRole", RBAC_VERSIONS)],
    validate: ({ type, name, props }, config, report) => {
        // The role's name decides only through allowedRoles: it is read once a rule grants a wildcard, and only when the list is not empty.
        const listed = () => config.allowedRoles.includes(text(at(props, "metadata", "name")) ?? name);
        unlessListed(config.allowedRoles, listed, report, (report) => {
            const role = describeWorkload(type, name, props);
            // An aggregated ClusterRole's rules are filled in by the controller; they are judged where declared.
            // Each rule on its own, and of a rule the entries known during preview first: an unknown
            // entry decides only when no known one is a wildcard.
            judgeItems(props.rules, report, (item, index, report) => {
                const rule = record(item);
                if (!rule) {
                    return;
                }
                let unknown: unknown;
                const wildcards = WILDCARD_FIELDS
                    .map(([field, isWildcard]) => {
                        const value = attempt(() => rule[field]);
                        const entries = knownItems(value.value);
                        unknown ??= value.unknown ?? entries.unknown;
                        return [field, entries.items.filter((entry): entry is string => typeof entry === "string" && isWildcard(entry))] as const;
                    })
                    .filter(([, entries]) => entries.length > 0);
                if (wildcards.length > 0) {
                    const fields = wildcards.map(([field, entries]) => `${field}: [${entries.map((e) => `'${e}'`).join(", ")}]`).join(" and ");
                    report(`${role} grants ${fields} in rules[${index}]: list the exact ${wildcards.map(([field]) => field).join(" and ")} the subject needs.`);
                } else if (unknown !== undefined) {
                    throw unknown;
                }
            });
        });
    },
});
