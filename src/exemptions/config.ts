// Checks the `exemptions` of a policy-pack config before the schema does, so a missing reason or a
// malformed date gets a sentence a reviewer understands rather than a JSON-pointer error. The pack
// declares the same rules as JSON Schema (policies/lib/exemptions.ts), which the Pulumi engine checks.
import { braceExpand } from "minimatch";

/** An exemption's date: a real calendar day written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return false;
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const KEYS = new Set(["resource", "reason", "expires"]);

/** Most alternatives a `resource` glob may expand to (`{a,b}{c,d}` is 4, `{1..300}` is 300). */
export const MAX_BRACE_ALTERNATIVES = 256;

/**
 * What is wrong with an exemption's `resource` glob, or undefined. minimatch reads an unclosed `[`
 * or `{` as plain text, so a typo would silently match nothing; and it expands braces before
 * matching, so `{1..100000}` would build a hundred thousand patterns on every resource.
 */
export function globProblem(pattern: string): string | undefined {
    if (pattern.trim() === "") {
        return "is empty";
    }
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\") {
            i++;
        } else if (c === "[") {
            // A class ends at the next `]` that is not its first character (`[]a]`, `[!]a]`).
            let j = i + 1;
            if (pattern[j] === "!" || pattern[j] === "^") {
                j++;
            }
            if (pattern[j] === "]") {
                j++;
            }
            while (j < pattern.length && pattern[j] !== "]") {
                j += pattern[j] === "\\" ? 2 : 1;
            }
            if (j >= pattern.length) {
                return `has a "[" at character ${i + 1} that is never closed by "]" (write "\\[" for a literal bracket)`;
            }
            i = j;
        } else if (c === "{") {
            depth++;
        } else if (c === "}") {
            if (depth === 0) {
                return `has a "}" at character ${i + 1} that closes no "{" (write "\\}" for a literal brace)`;
            }
            depth--;
        }
    }
    if (depth > 0) {
        return `has a "{" that is never closed by "}" (write "\\{" for a literal brace)`;
    }
    // Expanded with minimatch's own cap, so even a huge range costs at most one alternative more than allowed.
    if (braceExpand(pattern, { braceExpandMax: MAX_BRACE_ALTERNATIVES + 1 }).length > MAX_BRACE_ALTERNATIVES) {
        return `expands to more than ${MAX_BRACE_ALTERNATIVES} alternatives: list fewer names or use a wildcard`;
    }
    return undefined;
}

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
