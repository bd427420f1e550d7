import { resourcePolicy } from "../../lib/define";
import { judgeRoleRules, ROLE_TYPES } from "../../lib/rbac";
import { isGiven } from "../../lib/values";

/** A permission that lets its holder act as someone more privileged: which group, resources and verbs grant it. */
interface Grant {
    groups: readonly string[];
    resources: readonly string[];
    verbs: readonly string[];
    what: string;
    /** True when resourceNames limit the grant to named objects, which the RBAC authorizer honours for these verbs. */
    narrowedByNames?: boolean;
}

const WORKLOADS = { groups: ["", "apps", "batch"], resources: ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs"] };

const GRANTS: Readonly<Record<string, Grant>> = {
    "pods/exec": { groups: [""], resources: ["pods/exec"], verbs: ["create", "get"], what: "runs commands inside any pod (pods/exec), reading its mounted secrets" },
    "pods/attach": { groups: [""], resources: ["pods/attach"], verbs: ["create", "get"], what: "attaches to any running container (pods/attach)" },
    "secrets-read": { groups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"], what: "reads Secrets", narrowedByNames: true },
    "workload-create": { ...WORKLOADS, verbs: ["create"], what: "creates pods or workloads, which can mount any Secret and run as any ServiceAccount of the namespace" },
    escalate: { groups: ["rbac.authorization.k8s.io"], resources: ["roles", "clusterroles"], verbs: ["escalate"], what: "grants itself permissions it does not hold (escalate)" },
    bind: { groups: ["rbac.authorization.k8s.io"], resources: ["roles", "clusterroles", "rolebindings", "clusterrolebindings"], verbs: ["bind"], what: "binds roles it does not hold (bind)" },
    impersonate: { groups: ["", "authentication.k8s.io"], resources: ["users", "groups", "serviceaccounts", "userextras", "uids"], verbs: ["impersonate"], what: "acts as other users, groups or ServiceAccounts (impersonate)" },
};

export default resourcePolicy({
    name: "kubernetes-rbac-restrict-sensitive-permissions",
    description: "Roles and ClusterRoles do not grant the permissions that lead to cluster takeover: pods/exec and pods/attach, reading Secrets, creating pods and workloads, and the escalate, bind and impersonate verbs.",
    priority: "P1",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Remove the rule, or narrow it: read only the named Secrets the subject needs (resourceNames), and keep exec, attach, workload creation, escalate, bind and impersonate for reviewed operator roles listed in allowedRoles.",
    tags: ["secrets-identity"],
    config: {
        disallowedPermissions: {
            type: "array",
            items: { type: "string", enum: Object.keys(GRANTS) },
            default: Object.keys(GRANTS),
            description: "Permissions no role may grant: pods/exec, pods/attach, secrets-read (get/list/watch on secrets without resourceNames), workload-create (create on pods, deployments, daemonsets, statefulsets, replicasets, replicationcontrollers, jobs, cronjobs), escalate, bind, impersonate. Default all of them: 003 asks for least privilege, and each lets its holder reach more than the role states.",
        },
        allowedRoles: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "metadata.name of roles allowed to grant them (a reviewed CI deployer or operator role). Default none: 003 asks for least privilege.",
        },
    },
    resourceTypes: ROLE_TYPES,
    validate: (subject, config, report) => {
        // '*' entries are kubernetes-rbac-disallow-wildcards' to report; here only the names themselves.
        judgeRoleRules(subject, config.allowedRoles, report, (rule, entries, index, role, report) => {
            const groups = entries("apiGroups");
            const resources = entries("resources");
            const verbs = entries("verbs");
            let granted = false;
            for (const key of config.disallowedPermissions) {
                const grant = GRANTS[key];
                const matchedVerbs = verbs.filter((verb) => grant.verbs.includes(verb));
                const matchedResources = resources.filter((resource) => grant.resources.includes(resource));
                if (matchedVerbs.length === 0 || matchedResources.length === 0 || !groups.some((group) => grant.groups.includes(group))) {
                    continue;
                }
                if (grant.narrowedByNames && isGiven(rule.resourceNames)) {
                    continue;
                }
                granted = true;
                report(`${role} grants ${matchedVerbs.join(", ")} on ${matchedResources.join(", ")} in rules[${index}], so its subjects ${grant.what}: remove the rule or narrow it to what the subject needs.`);
            }
            return granted;
        });
    },
});
