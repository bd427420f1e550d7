import { resourcePolicy } from "../../lib/define";
import { describeType, given, isRecord, record, text } from "../../lib/values";

type Statement = Record<string, unknown>;

/** The statements of a resource policy document (a JSON string or an object), or why it cannot be read. */
export function policyStatements(document: unknown): { statements: Statement[] } | { unreadable: string } {
    if (given(document) === undefined) {
        return { unreadable: "is unset" };
    }
    let parsed = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return { unreadable: "is not valid JSON" };
        }
    }
    if (!isRecord(parsed)) {
        return { unreadable: `is ${describeType(parsed)}, not a policy document` };
    }
    const statement = parsed.Statement;
    const all = Array.isArray(statement) ? statement : [statement];
    if (all.length === 0 || !all.every(isRecord)) {
        return { unreadable: `has ${Array.isArray(statement) && statement.length > 0 ? "a statement that is not an object" : given(statement) === undefined ? "no Statement" : `${describeType(given(statement))} Statement`}, not a list of statements` };
    }
    return { statements: all };
}

function values(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [value];
}

/**
 * How an Allow statement admits every principal, or undefined: Principal "*", Principal { AWS: "*" }
 * (anonymous and every AWS account), or NotPrincipal (everyone but the principals it lists).
 */
export function everyonePrincipal(statement: Statement): string | undefined {
    if (text(statement.Effect)?.trim().toLowerCase() !== "allow") {
        return undefined;
    }
    if ("NotPrincipal" in statement) {
        return "NotPrincipal (every principal but the ones it lists)";
    }
    const principal = statement.Principal;
    if (typeof principal === "string") {
        return principal.trim() === "*" ? "Principal \"*\"" : undefined;
    }
    const aws = record(principal)?.AWS;
    return values(aws).some((p) => typeof p === "string" && p.trim() === "*") ? "Principal { AWS: \"*\" }" : undefined;
}

/** True when the statement has a Condition with at least one operator. */
export function hasCondition(statement: Statement): boolean {
    const condition = record(statement.Condition);
    return condition !== undefined && Object.keys(condition).length > 0;
}

const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

/** An IAM action pattern (wildcards * and ?, matched without regard to case) as a regular expression. */
function actionPattern(pattern: string): RegExp {
    const body = pattern.trim().replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${body}$`, "i");
}

/** The role-assuming actions a statement allows through Action or NotAction. */
function assumeActions(statement: Statement): string[] {
    if ("NotAction" in statement) {
        const excluded = values(statement.NotAction).filter((a): a is string => typeof a === "string").map(actionPattern);
        return ASSUME_ACTIONS.filter((action) => !excluded.some((p) => p.test(action)));
    }
    const patterns = values(statement.Action).filter((a): a is string => typeof a === "string").map(actionPattern);
    return ASSUME_ACTIONS.filter((action) => patterns.some((p) => p.test(action)));
}

export default resourcePolicy({
    name: "aws-iam-restrict-trust-policy",
    description: "IAM role trust policies do not let every principal assume the role: no Allow statement for Principal \"*\", Principal { AWS: \"*\" } or with NotPrincipal on sts:AssumeRole, AssumeRoleWithWebIdentity or AssumeRoleWithSAML without a Condition.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Name the principals that may assume the role in Principal (an account, role or service), or keep a wildcard principal only with a Condition that narrows it (aws:PrincipalOrgID, sts:ExternalId, aws:PrincipalArn).",
    tags: ["secrets-identity"],
    resourceTypes: ["aws:iam/role:Role"],
    validate: ({ name, props }, _config, report) => {
        const where = `role '${name}'`;
        const parsed = policyStatements(props.assumeRolePolicy);
        if ("unreadable" in parsed) {
            report(`IAM ${where}: its trust policy (assumeRolePolicy) ${parsed.unreadable}, so who may assume the role cannot be checked: set assumeRolePolicy to a valid trust policy document.`);
            return;
        }
        parsed.statements.forEach((statement, i) => {
            const everyone = everyonePrincipal(statement);
            if (everyone === undefined || hasCondition(statement)) {
                return;
            }
            const actions = assumeActions(statement);
            if (actions.length > 0) {
                report(`IAM ${where} trust policy statement #${i + 1} allows ${actions.join(", ")} to ${everyone} without a Condition, so any AWS principal can assume the role: name the trusted principals, or add a Condition such as aws:PrincipalOrgID or sts:ExternalId.`);
            }
        });
    },
});
