import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { at, list, records, text } from "../../lib/values";

const RBAC_VERSIONS = ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"];

export default resourcePolicy({
    name: "kubernetes-rbac-disallow-wildcards",
    description: "Roles and ClusterRoles name the verbs, resources and URLs they grant instead of using the '*' wildcard.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Replace '*' in rules[].verbs, rules[].resources and rules[].nonResourceURLs with the exact verbs (get, list, watch, ...) and resources the subject needs.",
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
        const roleName = text(at(props, "metadata", "name")) ?? name;
        if (config.allowedRoles.includes(roleName)) {
            return;
        }
        const role = describeWorkload(type, name, props);
        // An aggregated ClusterRole's rules are filled in by the controller; they are judged where declared.
        for (const [index, rule] of records(props.rules).entries()) {
            const wildcards = (["verbs", "resources", "nonResourceURLs"] as const).filter((field) => list(rule[field]).includes("*"));
            if (wildcards.length > 0) {
                const fields = wildcards.map((f) => `${f}: ['*']`).join(" and ");
                report(`${role} grants ${fields} in rules[${index}]: list the exact ${wildcards.join(" and ")} the subject needs.`);
            }
        }
    },
});
