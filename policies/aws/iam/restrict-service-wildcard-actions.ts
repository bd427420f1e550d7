import { resourcePolicy } from "../../lib/define";
import { judgeItems, knownOr } from "../../lib/unknowns";
import { given, record, text } from "../../lib/values";
import { DOCUMENT_TYPES, grantFindings, isEveryResource, ROLE } from "./disallow-wildcard-admin";

function values(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [value];
}

/** "s3:*": every action of one service. "*" and "*:*" are full administrator access, judged by aws-iam-disallow-wildcard-admin. */
function serviceWildcard(value: unknown): string | undefined {
    const action = typeof value === "string" ? value.trim() : "";
    return /^[a-z0-9-]+:\*$/i.test(action) && action !== "*:*" ? action : undefined;
}

/** Why one statement allows every action of a service on every resource, or undefined. */
function serviceGrant(statement: Record<string, unknown>): string | undefined {
    if (text(statement.Effect)?.trim().toLowerCase() !== "allow" || !("Action" in statement)) {
        return undefined;
    }
    if (!("Resource" in statement) || !values(statement.Resource).some(isEveryResource)) {
        return undefined;
    }
    const actions = values(statement.Action).map(serviceWildcard).filter((a): a is string => a !== undefined);
    return actions.length > 0 ? `allows ${actions.map((a) => `"${a}"`).join(", ")} on Resource "*"` : undefined;
}

export default resourcePolicy({
    name: "aws-iam-restrict-service-wildcard-actions",
    description: "IAM identity policies (managed, inline, role, user, group and IAM Identity Center permission set policies) grant no service-wide wildcard such as \"s3:*\" or \"dynamodb:*\" on Resource \"*\": every action of a service on every resource of the account, short of full administrator access but far from least privilege.",
    priority: "P2",
    severity: "medium",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "List the actions the principal needs (e.g. s3:GetObject, s3:PutObject) and name the resources (bucket and object ARNs) instead of \"service:*\" on \"*\"; IAM Access Analyzer can generate such a policy from CloudTrail activity.",
    tags: ["secrets-identity"],
    resourceTypes: [...Object.keys(DOCUMENT_TYPES), ROLE],
    validate: ({ type, name, props }, _config, report) => {
        const judgeDocument = (where: string, document: unknown, report: (message: string) => void) => {
            // Unreadable documents are reported by aws-iam-disallow-wildcard-admin.
            for (const finding of grantFindings(document, serviceGrant)) {
                if ("grant" in finding) {
                    report(`${where} statement #${finding.statement} ${finding.grant}, every action of the service on every resource: list the actions the principal needs and name the resources.`);
                }
            }
        };
        if (type !== ROLE) {
            const { kind, property } = DOCUMENT_TYPES[type];
            judgeDocument(`${kind} '${name}'`, props[property], report);
            return;
        }
        // Each inline policy on its own: one unknown during preview hides no wildcard in another.
        judgeItems(props.inlinePolicies, report, (p, i, report) => {
            if (given(record(p)?.policy) === undefined) {
                return;
            }
            const policyName = knownOr(() => text(record(p)?.name), undefined);
            judgeDocument(`role '${name}' inline policy ${policyName ? `'${policyName}'` : `#${i + 1}`}`, record(p)?.policy, report);
        });
    },
});
