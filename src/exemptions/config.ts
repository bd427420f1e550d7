// Checks the `exemptions` of a policy-pack config before the schema does, so a missing reason or a
// malformed date gets a sentence a reviewer understands rather than a JSON-pointer error. The pack
// declares the same rules as JSON Schema (policies/lib/exemptions.ts), which the Pulumi engine checks.

/** An exemption's date: a real calendar day written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return false;
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const KEYS = new Set(["resource", "reason", "expires"]);

// The glob rules live with the pack, which applies them under the engine too.
export { globProblem, MAX_BRACE_ALTERNATIVES } from "../../policies/lib/globs";
import { globProblem } from "../../policies/lib/globs";

/**
 * Returns what is wrong with one policy's `exemptions` setting, one sentence per problem, each
 * naming the exemption by its position and resource pattern. Empty when it is well formed.
 */
export function exemptionConfigProblems(policy: string, value: unknown): string[] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        return [`"${policy}" exemptions must be a list of {resource, reason, expires?}`];
    }
    const problems: string[] = [];
    value.forEach((item, i) => {
        const where = `"${policy}" exemption ${i + 1}`;
        if (typeof item !== "object" || item === null || Array.isArray(item)) {
            problems.push(`${where} must be an object {resource, reason, expires?}`);
            return;
        }
        const e = item as Record<string, unknown>;
        const named = typeof e.resource === "string" && e.resource.trim() !== "" ? `${where} (resource "${e.resource}")` : where;
        if (typeof e.resource !== "string" || e.resource.trim() === "") {
            problems.push(`${where} names no resource: set "resource" to a name glob or a URN glob`);
        } else {
            const problem = globProblem(e.resource);
            if (problem) {
                problems.push(`${named}: the glob ${problem}`);
            }
        }
        if (typeof e.reason !== "string" || e.reason.trim() === "") {
            problems.push(`${named} has no reason: every exemption says why, in "reason"`);
        }
        if (e.expires !== undefined && (typeof e.expires !== "string" || !isCalendarDate(e.expires))) {
            problems.push(`${named} expires on ${JSON.stringify(e.expires)}, which is not a date: write YYYY-MM-DD`);
        }
        for (const key of Object.keys(e).filter((k) => !KEYS.has(k))) {
            problems.push(`${named} has an unknown field "${key}" (fields: resource, reason, expires)`);
        }
    });
    return problems;
}
