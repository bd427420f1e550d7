// The contract between the pack and the reports that read it back. The pack speaks to the engine
// only through the Analyzer protocol: a policy's priority, aliases and framework controls travel as
// tags, its checklist items as the framework reference, an exemption as a not-applicable reason, and
// resources a stack policy could not judge as one "can't run during preview" diagnostic. Every such
// encoding and its reader live here, side by side, so they cannot drift; tests/lib/contract.test.ts
// round-trips them.
// No imports: the CLI loads this without the policy SDK.

export type Priority = "P0" | "P1" | "P2";

const PRIORITY_TAG = /^priority:(P[012])$/;
export const ALIAS_TAG_PREFIX = "alias:";

/** The tags a policy carries: its provider, `priority:P0`, one `alias:<former name>` per alias, then its own. */
export function policyTags(provider: string, priority: Priority, aliases: readonly string[], own: readonly string[]): string[] {
    return [provider, `priority:${priority}`, ...aliases.map((a) => `${ALIAS_TAG_PREFIX}${a}`), ...own];
}

/** The priority a policy carries as its `priority:P0` tag. */
export function priorityOf(tags: readonly string[]): Priority | undefined {
    for (const tag of tags) {
        const match = PRIORITY_TAG.exec(tag);
        if (match) {
            return match[1] as Priority;
        }
    }
    return undefined;
}

/** A policy's former names, from its `alias:` tags. */
export function aliasesOf(tags: readonly string[]): string[] {
    return tags.filter((t) => t.startsWith(ALIAS_TAG_PREFIX)).map((t) => t.slice(ALIAS_TAG_PREFIX.length));
}

const FRAMEWORK_TAG_PREFIX = "framework:";

/** A framework control a policy checks, as a tag: `framework:cis-kubernetes:5.2.2` (policies/lib/framework-catalog.ts). */
export function frameworkTag(framework: string, control: string): string {
    return `${FRAMEWORK_TAG_PREFIX}${framework}:${control}`;
}

/** The controls of one framework a policy's tags name, in their order. */
export function frameworkControlsOf(tags: readonly string[], framework: string): string[] {
    const prefix = `${FRAMEWORK_TAG_PREFIX}${framework}:`;
    return tags.filter((t) => t.startsWith(prefix) && t.length > prefix.length).map((t) => t.slice(prefix.length));
}

/** The checklist items a policy enforces, as its framework `reference`: ids joined by ", ". */
export function checklistReference(ids: readonly string[]): string {
    return ids.join(", ");
}

/** The checklist items a policy cites, read back from its framework `reference`. */
export function checklistOf(reference: string | undefined): string[] {
    return (reference ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}

/** An exemption as reports show it. */
export interface ExemptionNote {
    reason: string;
    /** Where it was written: `policy-pack config "legacy-*"`, `annotation prodready.dev/exempt`, `tag prodready:exempt`. */
    source: string;
    expires?: string;
    /** The exempt resource, when a stack policy reports several in one answer. */
    urn?: string;
}

// `exempt[ <urn>]: <reason> (source: <source>[, expires <date>])`
const EXEMPT = /^exempt(?: (urn:\S+))?: ([\s\S]*) \(source: (.+?)(?:, expires (\d{4}-\d{2}-\d{2}))?\)$/;

/** The not-applicable reason that carries an exemption to every report. */
export function exemptionReason(entry: Omit<ExemptionNote, "urn">, urn?: string): string {
    return `exempt${urn ? ` ${urn}` : ""}: ${entry.reason} (source: ${entry.source}${entry.expires ? `, expires ${entry.expires}` : ""})`;
}

/** The exemptions a not-applicable reason carries; a stack policy's reason lists one per line. Empty for any other reason. */
export function parseExemptionReason(reason: string): ExemptionNote[] {
    if (!reason.startsWith("exempt")) {
        return [];
    }
    return reason.split("\n").flatMap((line) => {
        const m = EXEMPT.exec(line);
        return m ? [{ ...(m[1] ? { urn: m[1] } : {}), reason: m[2], source: m[3], ...(m[4] ? { expires: m[4] } : {}) }] : [];
    });
}

const UNKNOWN_HEADER = "values unknown during preview decide the verdict on these resources:";

/** Lists the resources a stack policy could not judge, one URN a line. */
export function unknownResourcesMessage(urns: readonly string[]): string {
    return [UNKNOWN_HEADER, ...urns].join("\n");
}

/** The URNs listed in a diagnostic written by `unknownResourcesMessage`; empty for any other message. */
export function parseUnknownResources(message: string): string[] {
    const lines = message.split("\n");
    const start = lines.findIndex((line) => line.endsWith(UNKNOWN_HEADER));
    if (start < 0) {
        return [];
    }
    return lines.slice(start + 1).map((line) => line.trim()).filter((line) => line.startsWith("urn:"));
}

// The policy SDK's own wording (@pulumi/policy server.js and policy.js), which reports read.

/** True for the SDK's advisory diagnostic on a policy that read a value unknown during preview. */
export function isUnknownDuringPreview(message: string): boolean {
    // The engine's event log puts the policy's description on the line before.
    return /^can't run policy '[^']+' from policy pack '[^']+' during preview/m.test(message);
}

/**
 * True for the not-applicable answer the SDK gives for every resource outside a policy's types:
 * it says nothing a report needs (coverage is computed from the types), and it is most of the answers.
 */
export function isTypeFilterAnswer(reason: string): boolean {
    return /^Policy only applies to (resources of type '[^']*'|'[^']*' resources|resources of a specific type)$/.test(reason);
}
