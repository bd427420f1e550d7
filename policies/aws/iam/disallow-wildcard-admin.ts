import { resourcePolicy } from "../../lib/define";
import { describeType, isRecord, list, record, text } from "../../lib/values";

const POLICY_TYPES = ["aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"];
const ROLE = "aws:iam/role:Role";

function values(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [value];
}

function isWildcard(value: unknown, wildcards: readonly string[]): boolean {
    return values(value).some((v) => typeof v === "string" && wildcards.includes(v.trim()));
}

/** Why a policy document cannot be judged, or the indexes of its Allow * on * statements. */
function adminStatements(document: unknown): { error: string } | { statements: number[] } {
    let parsed = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return { error: "is not valid JSON" };
        }
    }
    if (!isRecord(parsed)) {
        return { error: `is ${describeType(parsed)}, not a policy document` };
    }
    const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    const found: number[] = [];
    statements.forEach((statement, i) => {
        const s = record(statement);
        if (s && text(s.Effect) === "Allow" && isWildcard(s.Action, ["*", "*:*"]) && isWildcard(s.Resource, ["*"])) {
            found.push(i);
        }
    });
    return { statements: found };
}

export default resourcePolicy({
    name: "aws-iam-disallow-wildcard-admin",
    description: "No IAM policy document allows every action (\"*\") on every resource (\"*\").",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Replace Action \"*\" on Resource \"*\" with the specific actions the principal needs on the specific resource ARNs (see IAM Access Analyzer policy generation).",
    tags: ["secrets-identity"],
    resourceTypes: [...POLICY_TYPES, ROLE],
    validate: ({ type, name, props }, _config, report) => {
        const documents: { where: string; document: unknown }[] = type === ROLE
            ? list(props.inlinePolicies).map((p, i) => ({ where: `role '${name}' inline policy ${text(record(p)?.name) ? `'${text(record(p)?.name)}'` : `#${i + 1}`}`, document: record(p)?.policy }))
                .filter((d) => d.document !== undefined)
            : [{ where: `IAM policy '${name}'`, document: props.policy }];
        for (const { where, document } of documents) {
            const result = adminStatements(document);
            if ("error" in result) {
                report(`${where}: its policy document ${result.error}, so it cannot be checked for Action "*" on Resource "*": set policy to a JSON policy document.`);
                continue;
            }
            for (const i of result.statements) {
                report(`${where} statement #${i + 1} allows Action "*" on Resource "*" (full administrator access): grant only the actions and resources the principal needs.`);
            }
        }
    },
});
