import { resourcePolicy } from "../../lib/define";
import { policyStatements, Statement, statementValues, unconditionalEveryone } from "../../lib/policy-documents";

const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

/** An IAM action pattern (wildcards * and ?, matched without regard to case) as a regular expression. */
function actionPattern(pattern: string): RegExp {
    const body = pattern.trim().replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${body}$`, "i");
}

/** The role-assuming actions a statement allows through Action or NotAction. */
function assumeActions(statement: Statement): string[] {
    if ("NotAction" in statement) {
        const excluded = statementValues(statement.NotAction).filter((a): a is string => typeof a === "string").map(actionPattern);
        return ASSUME_ACTIONS.filter((action) => !excluded.some((p) => p.test(action)));
    }
    const patterns = statementValues(statement.Action).filter((a): a is string => typeof a === "string").map(actionPattern);
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
            const everyone = unconditionalEveryone(statement);
            if (everyone === undefined) {
                return;
            }
            const actions = assumeActions(statement);
            if (actions.length > 0) {
                report(`IAM ${where} trust policy statement #${i + 1} allows ${actions.join(", ")} to ${everyone} without a Condition, so any AWS principal can assume the role: name the trusted principals, or add a Condition such as aws:PrincipalOrgID or sts:ExternalId.`);
            }
        });
    },
});
