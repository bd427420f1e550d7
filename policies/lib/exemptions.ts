// Exemptions: a named resource may skip a policy when someone wrote down why. They come from the
// policy-pack config (per policy, by name or URN glob) or from the resource itself (a Kubernetes
// annotation or AWS tags). An exempted resource is reported as "not applicable" with its reason,
// never skipped silently; an expired or malformed exemption does not apply and the violation says so.
// The grammar is documented in docs/exemptions.md.
import type { PolicyConfigSchema } from "@pulumi/policy";
import { exemptionReason as encodeExemptionReason } from "./contract";
import { globProblem, MAX_BRACE_ALTERNATIVES, matchGlob } from "./globs";
import { isRecord, list, text } from "./values";

/** Kubernetes annotation: `<policy>=<reason>[ expires YYYY-MM-DD]; <policy>=<reason>`. */
export const EXEMPT_ANNOTATION = "prodready.dev/exempt";
/** AWS tag with the same list as the annotation (AWS tag keys cannot contain '/'). */
export const EXEMPT_TAG = "prodready:exempt";
/** AWS tag naming one policy in its key (`prodready:exempt:<policy>` = `<reason>`), for services whose tag values forbid ';'. */
export const EXEMPT_TAG_PREFIX = "prodready:exempt:";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The `exemptions` setting every policy's configSchema carries (added in define.ts). */
export const EXEMPTIONS_SCHEMA: PolicyConfigSchema["properties"][string] = {
    type: "array",
    default: [],
    description: "Resources this policy does not judge, each with the reason why and an optional expiry date (YYYY-MM-DD, inclusive). " +
        "`resource` is a glob over the resource's name, or over its URN when it starts with `urn:`. Default none: every resource is judged.",
    items: {
        type: "object",
        required: ["resource", "reason"],
        additionalProperties: false,
        properties: {
            resource: { type: "string", minLength: 1, description: "Name glob (`legacy-*`) or URN glob (`urn:pulumi:prod::*::legacy-db`)." },
            reason: { type: "string", minLength: 1, pattern: "\\S", description: "Why the resource is exempt; shown in every report." },
            expires: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$", description: "Last day (YYYY-MM-DD, UTC) the exemption applies." },
        },
    },
};

/** Who may exempt a resource from this policy: the policy-pack config always; the resource's own annotation or tags when allowed. */
export const FROM_RESOURCES = ["any", "off"] as const;
export type FromResources = (typeof FROM_RESOURCES)[number];

/** The `exemptionsFromResources` setting every policy's configSchema carries (added in define.ts). */
export const EXEMPTIONS_FROM_RESOURCES_SCHEMA = {
    type: "string",
    enum: FROM_RESOURCES,
    default: "any",
    description: "Whether a resource may exempt itself from this policy with the `prodready.dev/exempt` annotation or `prodready:exempt` tags: " +
        "\"any\" (default) accepts them, \"off\" accepts exemptions from the policy-pack config only, so a platform team decides every waiver.",
} as const;

/** One exemption as written, wherever it was written. */
export interface ExemptionEntry {
    policy: string;
    reason: string;
    expires?: string;
    /** Where it was written: `policy-pack config "legacy-*"`, `annotation prodready.dev/exempt`, `tag prodready:exempt`. */
    source: string;
    /** Set when the entry is malformed; a malformed entry never applies. */
    problem?: string;
}

export function isValidDate(value: string): boolean {
    if (!DATE.test(value)) {
        return false;
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Today's date in UTC as YYYY-MM-DD: an exemption applies up to and including its `expires` day. */
export function today(): string {
    // Asked for every policy on every resource: format the date once per UTC day.
    const now = Date.now();
    if (now < todayStarts || now >= todayEnds) {
        const date = new Date(now);
        todayText = date.toISOString().slice(0, 10);
        todayStarts = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
        todayEnds = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
    }
    return todayText;
}

let todayText = "";
let todayStarts = 0;
let todayEnds = 0;

/**
 * Splits `<reason>[ expires YYYY-MM-DD]` into its reason and date, naming what is wrong. Reads the
 * last two words from the end, so the time is linear in the text whatever it holds.
 */
function reasonAndExpiry(raw: string): { reason: string; expires?: string; problem?: string } {
    const trimmed = raw.trim();
    const lastSpace = lastWhitespace(trimmed, trimmed.length - 1);
    const beforeLast = lastSpace < 0 ? "" : trimmed.slice(0, lastSpace).trimEnd();
    const keywordStart = lastWhitespace(beforeLast, beforeLast.length - 1) + 1;
    const hasExpiry = lastSpace >= 0 && beforeLast.slice(keywordStart).toLowerCase() === "expires";
    const reason = (hasExpiry ? beforeLast.slice(0, keywordStart) : trimmed).trim();
    const expires = hasExpiry ? trimmed.slice(lastSpace + 1) : undefined;
    if (!reason) {
        return { reason, expires, problem: "no reason given" };
    }
    if (expires !== undefined && !isValidDate(expires)) {
        return { reason, expires, problem: `"${expires}" is not a date (use YYYY-MM-DD)` };
    }
    return { reason, expires };
}

function lastWhitespace(value: string, from: number): number {
    for (let i = from; i >= 0; i--) {
        if (/\s/.test(value[i])) {
            return i;
        }
    }
    return -1;
}

/** Parses the annotation/tag list form: `<policy>=<reason>[ expires YYYY-MM-DD]` entries separated by ';'. */
export function parseExemptionList(value: string, source: string): ExemptionEntry[] {
    const entries: ExemptionEntry[] = [];
    for (const part of value.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
        const at = part.indexOf("=");
        if (at <= 0) {
            entries.push({ policy: at === 0 ? "" : part, reason: "", source, problem: `"${part}" is not <policy>=<reason>` });
            continue;
        }
        entries.push({ policy: part.slice(0, at).trim(), source, ...reasonAndExpiry(part.slice(at + 1)) });
    }
    return entries;
}

/** The AWS tags of a resource as key/value pairs: a map (`tags`) or a list of `{key, value}` (Auto Scaling groups). */
function tagPairs(props: Record<string, unknown>): Array<[string, unknown]> {
    const tags = props.tags;
    if (isRecord(tags)) {
        return Object.keys(tags).filter((k) => k.startsWith(EXEMPT_TAG)).map((k) => [k, tags[k]]);
    }
    return list(tags).filter(isRecord).map((t): [string, unknown] => [text(t.key) ?? "", t.value]).filter(([k]) => k.startsWith(EXEMPT_TAG));
}

// Every policy reads the same annotation of the same resource: parse each distinct text once.
const parsedLists = new Map<string, ExemptionEntry[]>();
const PARSED_LISTS_LIMIT = 1000;

function parseOnce(value: string, source: string): ExemptionEntry[] {
    const key = `${source}\u0000${value}`;
    let entries = parsedLists.get(key);
    if (!entries) {
        if (parsedLists.size >= PARSED_LISTS_LIMIT) {
            parsedLists.clear();
        }
        entries = parseExemptionList(value, source);
        parsedLists.set(key, entries);
    }
    return entries;
}

/** Every exemption written on a resource: its `prodready.dev/exempt` annotation and `prodready:exempt*` tags. */
export function resourceExemptions(type: string, props: Record<string, unknown>): ExemptionEntry[] {
    const entries: ExemptionEntry[] = [];
    try {
        if (type.startsWith("kubernetes:")) {
            const metadata = props.metadata;
            const annotations = isRecord(metadata) ? metadata.annotations : undefined;
            const value = isRecord(annotations) ? text(annotations[EXEMPT_ANNOTATION]) : undefined;
            if (value !== undefined) {
                entries.push(...parseOnce(value, `annotation ${EXEMPT_ANNOTATION}`));
            }
        } else if (type.startsWith("aws:")) {
            for (const [key, raw] of tagPairs(props)) {
                const value = text(raw) ?? "";
                if (key === EXEMPT_TAG) {
                    entries.push(...parseOnce(value, `tag ${EXEMPT_TAG}`));
                } else if (key.startsWith(EXEMPT_TAG_PREFIX)) {
                    entries.push({ policy: key.slice(EXEMPT_TAG_PREFIX.length), source: `tag ${key}`, ...reasonAndExpiry(value) });
                }
            }
        }
    } catch {
        // Tags or annotations unknown during preview: no exemption can be read, so none applies and the
        // policy judges the resource (and reports its own unknowns if it reads them).
        return [];
    }
    return entries;
}

/** A config exemption as the schema describes it; checked again here, since a malformed one must never apply. */
function configEntry(policy: string, raw: unknown): { pattern: string; entry: ExemptionEntry } | undefined {
    if (!isRecord(raw) || typeof raw.resource !== "string") {
        return undefined;
    }
    const source = `policy-pack config "${raw.resource}"`;
    const reason = typeof raw.reason === "string" ? raw.reason.trim() : "";
    const expires = typeof raw.expires === "string" ? raw.expires : undefined;
    const glob = globProblem(raw.resource);
    const problem = glob ? `the glob ${glob}` : !reason ? "no reason given"
        : raw.expires !== undefined && (expires === undefined || !isValidDate(expires)) ? `${JSON.stringify(raw.expires)} is not a date (use YYYY-MM-DD)`
            : undefined;
    return { pattern: raw.resource, entry: { policy, reason, expires, source, ...(problem ? { problem } : {}) } };
}

/** Glob match where `*` spans any characters, '/' included (type tokens and names contain '/'). */
export function globMatches(pattern: string, value: string): boolean {
    const slash = "\u2215";
    return matchGlob(value.split("/").join(slash), pattern.split("/").join(slash),
        { dot: true, nocomment: true, nonegate: true, braceExpandMax: MAX_BRACE_ALTERNATIVES });
}

/** True when a config exemption's `resource` glob names this resource: by URN when it starts with `urn:`, else by name. */
export function resourceMatches(pattern: string, resource: { name: string; urn: string }): boolean {
    return pattern.startsWith("urn:") ? globMatches(pattern, resource.urn) : globMatches(pattern, resource.name);
}

export interface ExemptionDecision {
    /** The exemption that applies, if any. */
    exempt?: ExemptionEntry;
    /** Why exemptions written for this resource did not apply (expired, malformed): added to its violations. */
    notes: string[];
}

/**
 * Decides whether a policy skips `resource`, from the config's exemptions and, unless
 * `fromResources` is "off", the resource's own. `policy` is the policy's name, or its name and
 * former names (an exemption written for a former name still applies).
 */
export function decide(
    policy: string | readonly string[],
    resource: { type: string; name: string; urn: string; props: Record<string, unknown> },
    configured: unknown,
    fromResources: unknown = "any",
    date: string = today(),
): ExemptionDecision {
    const names = typeof policy === "string" ? [policy] : policy;
    const written = fromResources === "off" ? [] : resourceExemptions(resource.type, resource.props);
    const candidates = [
        ...list(configured).map((raw) => configEntry(names[0], raw)).filter((c) => c !== undefined && resourceMatches(c.pattern, resource)).map((c) => c!.entry),
        ...written.filter((e) => names.includes(e.policy)),
    ];
    const notes: string[] = [];
    if (fromResources === "off" && resourceExemptions(resource.type, resource.props).some((e) => names.includes(e.policy))) {
        notes.push("The exemption written on the resource is ignored: this policy accepts exemptions from the policy-pack config only.");
    }
    for (const entry of candidates) {
        if (entry.problem) {
            notes.push(`The exemption in ${entry.source} is ignored: ${entry.problem}.`);
        } else if (entry.expires !== undefined && date > entry.expires) {
            notes.push(`The exemption in ${entry.source} expired on ${entry.expires} ("${entry.reason}").`);
        } else {
            return { exempt: entry, notes: [] };
        }
    }
    return { notes };
}

/**
 * The not-applicable reason that carries an exemption to every report:
 * `exempt: <reason> (source: <source>[, expires <date>])`, with the URN after `exempt` for stack policies.
 * src/report parses this exact form.
 */
export function exemptionReason(entry: ExemptionEntry, urn?: string): string {
    return encodeExemptionReason(entry, urn);
}

/** Appends the notes about exemptions that did not apply to a violation message. */
export function withNotes(message: string, notes: readonly string[]): string {
    return notes.length ? `${message} ${notes.join(" ")}` : message;
}
