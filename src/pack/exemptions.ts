// Checks exemptions before a run judges anything, so a missing reason, a malformed date or a
// policy the pack does not have gets a sentence a reviewer understands rather than a JSON-pointer
// error or a silent no-op: the `exemptions` of a policy-pack config, checked before the schema is,
// and the exemptions written on resources (the `prodready.dev/exempt` annotation and the
// `prodready:exempt*` AWS tags). The pack declares the same rules (policies/lib/exemptions.ts), which
// the Pulumi engine checks: the config's as JSON Schema, the resources' with its own grammar, loaded
// from the pack directory in use (./load.ts) so the two can never disagree. Inside the pack a wrong
// entry on a resource simply never applies (the violation says why); the embedded preview rejects it.
// The glob rules live with the pack, which applies them under the engine too.
import { globProblem } from "../../policies/lib/globs";
import { UNKNOWN } from "../values";

/** An exemption's date: a real calendar day written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return false;
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const KEYS = new Set(["resource", "reason", "expires"]);

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

/** An exemption the pack found for a policy, or on a resource. */
interface ExemptionEntry {
    reason: string;
    expires?: string;
    source: string;
}

/** The pack's exemption module (policies/lib/exemptions.ts), as far as the CLI calls it. */
export interface PackGrammar {
    resourceExemptions(type: string, props: Record<string, unknown>): Array<{ policy: string; reason: string; source: string; problem?: string }>;
    decide?: (policy: string, resource: { type: string; name: string; urn: string; props: Record<string, unknown> }, configured: unknown) => { exempt?: ExemptionEntry };
    exemptionReason?: (entry: ExemptionEntry, urn?: string) => string;
}

export interface RecordedInputs {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** What is wrong with the exemptions written on these resources, one sentence per problem. */
export function resourceExemptionProblems(grammar: PackGrammar, resources: readonly RecordedInputs[], policies: ReadonlySet<string>): string[] {
    const problems: string[] = [];
    for (const r of resources) {
        for (const entry of grammar.resourceExemptions(r.type, r.inputs)) {
            if (entry.policy === UNKNOWN || entry.reason === UNKNOWN) {
                continue;
            }
            const where = `${r.type} "${r.name}" (${entry.source})`;
            if (entry.problem) {
                problems.push(`${where}: ${entry.problem}`);
            } else if (!policies.has(entry.policy)) {
                problems.push(`${where}: unknown policy "${entry.policy}" (the pack has no policy of that name)`);
            }
        }
    }
    return problems;
}
