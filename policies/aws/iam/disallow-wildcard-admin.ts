import { resourcePolicy } from "../../lib/define";
import { judgeItems, knownOr, Parts } from "../../lib/unknowns";
import { describeType, given, isRecord, record, text } from "../../lib/values";

const POLICY = "aws:iam/policy:Policy";
export const ROLE = "aws:iam/role:Role";
const PERMISSION_SET_INLINE_POLICY = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";

/** Resources whose `policy` is one IAM identity policy document. */
export const DOCUMENT_TYPES: Readonly<Record<string, { kind: string; property: string }>> = {
    [POLICY]: { kind: "IAM policy", property: "policy" },
    "aws:iam/rolePolicy:RolePolicy": { kind: "IAM role policy", property: "policy" },
    "aws:iam/userPolicy:UserPolicy": { kind: "IAM user policy", property: "policy" },
    "aws:iam/groupPolicy:GroupPolicy": { kind: "IAM group policy", property: "policy" },
    [PERMISSION_SET_INLINE_POLICY]: { kind: "SSO permission set inline policy", property: "inlinePolicy" },
};

/** Resources that attach managed policies by ARN: the property holding one ARN or a list of them. */
const ATTACHMENT_TYPES: Readonly<Record<string, { kind: string; property: string }>> = {
    "aws:iam/policyAttachment:PolicyAttachment": { kind: "IAM policy attachment", property: "policyArn" },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { kind: "IAM role policy attachment", property: "policyArn" },
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": { kind: "IAM user policy attachment", property: "policyArn" },
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": { kind: "IAM group policy attachment", property: "policyArn" },
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": { kind: "IAM role policy attachments", property: "policyArns" },
    "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive": { kind: "IAM user policy attachments", property: "policyArns" },
    "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive": { kind: "IAM group policy attachments", property: "policyArns" },
    "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment": { kind: "SSO managed policy attachment", property: "managedPolicyArn" },
};

function values(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [value];
}

/** "*" and "*:*" name every action; IAM matches action names without regard to case or surrounding blanks. */
function isEveryAction(value: unknown): boolean {
    return typeof value === "string" && ["*", "*:*"].includes(value.trim());
}

/** "*" and an ARN whose every segment is a wildcard ("arn:aws:*:*:*:*") name every resource. */
export function isEveryResource(value: unknown): boolean {
    if (typeof value !== "string") {
        return false;
    }
    const v = value.trim();
    return v === "*" || /^arn:(\*|aws[a-z-]*):\*(:\*){3,}$/.test(v);
}

/** Strings in an element that may be a string or a list of strings; undefined when it holds anything else. */
function strings(value: unknown): string[] | undefined {
    const all = values(value);
    return all.every((v) => typeof v === "string") ? all as string[] : undefined;
}

/** Why one statement grants administrator access, or undefined when it does not. */
function adminGrant(statement: Record<string, unknown>): string | undefined {
    if (text(statement.Effect)?.trim().toLowerCase() !== "allow") {
        return undefined;
    }
    const everyResource = "Resource" in statement ? values(statement.Resource).some(isEveryResource) : "NotResource" in statement;
    if (!everyResource) {
        return undefined;
    }
    const on = "Resource" in statement ? "on Resource \"*\"" : "on every resource outside NotResource";
    if ("NotAction" in statement) {
        return `allows every action except its NotAction ${on}`;
    }
    if (values(statement.Action).some(isEveryAction)) {
        return `allows Action "*" ${on}`;
    }
    return undefined;
}

/** Why a statement cannot be read, or undefined. */
function unreadableStatement(statement: unknown): string | undefined {
    if (!isRecord(statement)) {
        return `is ${describeType(statement)}, not an object`;
    }
    if (text(statement.Effect) === undefined) {
        return `has ${describeType(statement.Effect)} Effect, not "Allow" or "Deny"`;
    }
    for (const key of ["Action", "NotAction", "Resource", "NotResource"]) {
        if (key in statement && strings(statement[key]) === undefined) {
            return `sets ${key} to ${describeType(statement[key])}, not a string or a list of strings`;
        }
    }
    if (!("Action" in statement) && !("NotAction" in statement)) {
        return "has neither Action nor NotAction";
    }
    return undefined;
}

type Finding = { unreadable: string } | { statement: number; grant: string };

/** The administrator grants of an identity policy document (a JSON string or an object), or why it cannot be read. */
export function adminFindings(document: unknown): Finding[] {
    return grantFindings(document, adminGrant);
}

/**
 * The grants `grantOf` finds in the readable statements of an identity policy document (a JSON
 * string or an object), or why the document or a statement cannot be read.
 */
export function grantFindings(document: unknown, grantOf: (statement: Record<string, unknown>) => string | undefined): Finding[] {
    let parsed = document;
    if (given(document) === undefined) {
        return [{ unreadable: "is unset" }];
    }
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return [{ unreadable: "is not valid JSON" }];
        }
    }
    if (!isRecord(parsed)) {
        return [{ unreadable: `is ${describeType(parsed)}, not a policy document` }];
    }
    const statement = parsed.Statement;
    if (!isRecord(statement) && !(Array.isArray(statement) && statement.length > 0)) {
        return [{ unreadable: `has ${Array.isArray(statement) ? "an empty Statement" : statement === undefined ? "no Statement" : `${describeType(statement)} Statement`}, not a statement or a list of statements` }];
    }
    const findings: Finding[] = [];
    values(statement).forEach((s, i) => {
        const problem = unreadableStatement(s);
        if (problem) {
            findings.push({ unreadable: `statement #${i + 1} ${problem}` });
            return;
        }
        const grant = grantOf(s as Record<string, unknown>);
        if (grant) {
            findings.push({ statement: i + 1, grant });
        }
    });
    return findings;
}

export default resourcePolicy({
    name: "aws-iam-disallow-wildcard-admin",
    description: "No IAM identity policy grants administrator access: no Allow statement with Action \"*\" (or \"*:*\") or with NotAction on Resource \"*\" (or with NotResource), in managed, inline, role, user, group and IAM Identity Center permission set policies, and no attachment of the AWS managed AdministratorAccess or IAMFullAccess policy.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Replace Action \"*\" (or an Allow with NotAction) on Resource \"*\" with the specific actions the principal needs on the specific resource ARNs (see IAM Access Analyzer policy generation), and attach a narrower policy than AdministratorAccess.",
    tags: ["secrets-identity"],
    config: {
        adminManagedPolicies: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: ["AdministratorAccess", "IAMFullAccess"],
            description: "Names of AWS managed policies (arn:<partition>:iam::aws:policy/<name>) that grant administrator access and may not be attached. Default AdministratorAccess and IAMFullAccess: the first allows Action \"*\" on Resource \"*\", the second iam:* on every resource, with which a principal can attach any policy to itself; 003 (least privilege) rules out both.",
        },
    },
    resourceTypes: [...Object.keys(DOCUMENT_TYPES), ROLE, ...Object.keys(ATTACHMENT_TYPES)],
    validate: ({ type, name, props }, config, report) => {
        const attachment = ATTACHMENT_TYPES[type];
        const admin = new Set(config.adminManagedPolicies);
        // Each ARN, each document and each inline policy on its own: a value unknown during preview
        // in one (a policy of the stack whose ARN is not known yet) hides no administrator access in another.
        const judgeArns = (where: string, property: string, arns: unknown, report: (message: string) => void) => {
            judgeItems(arns, report, (arn, _index, report) => {
                const policy = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(text(arn)?.trim() ?? "")?.[1];
                if (policy !== undefined && admin.has(policy)) {
                    report(`${where} attaches the AWS managed ${policy} policy (${property}), which grants administrator access: attach a policy with only the actions and resources the principal needs.`);
                }
            });
        };
        const judgeDocument = (where: string, property: string, document: unknown, report: (message: string) => void) => {
            for (const finding of adminFindings(document)) {
                if ("unreadable" in finding) {
                    report(`${where}: its policy document (${property}) ${finding.unreadable}, so it cannot be checked for administrator access: set ${property} to a valid IAM policy document.`);
                } else {
                    report(`${where} statement #${finding.statement} ${finding.grant} (full administrator access): grant only the actions and resources the principal needs.`);
                }
            }
        };
        if (attachment) {
            const arns = props[attachment.property];
            judgeArns(`${attachment.kind} '${name}'`, attachment.property, Array.isArray(arns) ? arns : [arns], report);
            return;
        }
        if (type !== ROLE) {
            const { kind, property } = DOCUMENT_TYPES[type];
            judgeDocument(`${kind} '${name}'`, property, props[property], report);
            return;
        }
        const parts = new Parts(report);
        parts.judge(() => judgeItems(props.inlinePolicies, parts.report, (p, i, report) => {
            // An entry without a document ({}) is the provider's way to remove every inline policy.
            if (given(record(p)?.policy) === undefined) {
                return;
            }
            // The policy's name only names it: its position stands in while it is unknown during preview.
            const policyName = knownOr(() => text(record(p)?.name), undefined);
            judgeDocument(`role '${name}' inline policy ${policyName ? `'${policyName}'` : `#${i + 1}`}`, `inlinePolicies[${i}].policy`, record(p)?.policy, report);
        }));
        parts.judge(() => judgeArns(`role '${name}'`, "managedPolicyArns", props.managedPolicyArns, parts.report));
        parts.settle();
    },
});
