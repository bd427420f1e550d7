// The policy-pack config resolved against the pack's policies: each policy's enforcement level and
// settings, as the Configure call carries them, after the schema defaults and the checks the Pulumi
// engine makes. Reading the config (a file, a profile, or both) is in ./config-file.ts.
import Ajv from "ajv";
import { aliasesOf as aliasTagsOf } from "../../policies/lib/contract";
import { exemptionConfigProblems } from "./exemptions";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** What the config resolution needs to know of a policy (from the analyzer's info or the policy object). */
export interface PolicyConfigInfo {
    name: string;
    /** Former names (policy objects carry them; the analyzer's info carries them as `alias:<name>` tags). */
    aliases?: readonly string[];
    tags?: readonly string[];
    enforcementLevel?: string;
    configSchema?: { properties?: Record<string, object>; required?: string[] };
}

/** The configuration of one policy as the Configure call carries it. */
export interface ResolvedPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
    /** Set when the config lets the policy's values unknown during preview pass the gate (ALLOW_UNKNOWN). */
    allowUnknown?: true;
}

/**
 * The setting, next to `enforcementLevel`, that lets what a policy could not judge during preview
 * pass prodready's gate (docs/reports.md). It reaches the pack as the Pulumi CLI passes any setting;
 * prodready reads it whether or not the pack's schema declares it, and checks that it is a boolean.
 */
export const ALLOW_UNKNOWN = "allowUnknown";

export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Names such as `constructor`, `toString` or `__proto__` are properties of every object: only a
// key the object itself holds counts, never one it inherits.
const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function enforcementLevel(value: unknown, where: string): EnforcementLevel {
    if (typeof value !== "string" || !ENFORCEMENT_LEVELS.includes(value as EnforcementLevel)) {
        throw new PolicyConfigError(`${where}: enforcement level must be one of ${ENFORCEMENT_LEVELS.join(", ")}, not ${JSON.stringify(value)}`);
    }
    return value as EnforcementLevel;
}

/** Splits one entry (`"advisory"` or `{enforcementLevel?, ...thresholds}`) into its level and thresholds. */
function entry(value: unknown, where: string): { level?: EnforcementLevel; properties: Record<string, unknown>; allowUnknown?: boolean } {
    if (typeof value === "string") {
        return { level: enforcementLevel(value, where), properties: {} };
    }
    if (!isRecord(value)) {
        throw new PolicyConfigError(`${where}: expected an enforcement level or an object, not ${Array.isArray(value) ? "a list" : typeof value}`);
    }
    const { enforcementLevel: level, ...properties } = value;
    const allow = own(properties, ALLOW_UNKNOWN) ? properties[ALLOW_UNKNOWN] : undefined;
    if (allow !== undefined && typeof allow !== "boolean") {
        throw new PolicyConfigError(`${where}: ${ALLOW_UNKNOWN} must be true or false, not ${JSON.stringify(allow)}`);
    }
    return { level: level === undefined ? undefined : enforcementLevel(level, where), properties, ...(allow === undefined ? {} : { allowUnknown: allow }) };
}

/** The tag that carries a former name across the analyzer protocol (policies/lib/define.ts). */

/** A policy's former names, from the policy object or from its tags. */
export function aliasesOf(policy: PolicyConfigInfo): readonly string[] {
    return policy.aliases ?? aliasTagsOf(policy.tags ?? []);
}

/** Each policy's schema defaults, as the engine fills them in before Configure. */
export function schemaDefaults(policy: PolicyConfigInfo): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (isRecord(schema) && own(schema, "default")) {
            defaults[key] = schema.default;
        }
    }
    return defaults;
}

/**
 * Merges a policy-pack config (`{"all": ..., "<policy>": ...}`) with each policy's schema defaults
 * and validates the result against the policy's `configSchema`. Throws PolicyConfigError naming
 * the policy and the property at fault.
 */
export function resolvePolicyConfig(policies: readonly PolicyConfigInfo[], packConfig: unknown, source = "policy-pack config"): Map<string, ResolvedPolicyConfig> {
    if (packConfig === undefined || packConfig === null) {
        packConfig = {};
    }
    if (!isRecord(packConfig)) {
        throw new PolicyConfigError(`${source}: expected a JSON object mapping policy names to settings`);
    }
    const known = new Set(policies.map((p) => p.name));
    // A config written for a former name configures the policy that now carries it.
    const renamed = new Map(policies.flatMap((p) => aliasesOf(p).map((alias) => [alias, p.name] as const)));
    for (const key of Object.keys(packConfig)) {
        if (key !== "all" && !known.has(key) && !renamed.has(key)) {
            throw new PolicyConfigError(`${source}: unknown policy "${key}" (the pack has no policy of that name)`);
        }
        const current = renamed.get(key);
        if (current !== undefined && own(packConfig, current)) {
            throw new PolicyConfigError(`${source}: "${key}" is a former name of "${current}", which is configured too: keep one of them`);
        }
    }
    const all = !own(packConfig, "all") ? undefined : entry(packConfig.all, `${source}: "all"`);
    if (all && Object.keys(all.properties).some((key) => key !== ALLOW_UNKNOWN)) {
        throw new PolicyConfigError(`${source}: "all" takes only an enforcement level (and ${ALLOW_UNKNOWN} next to it)`);
    }
    // The Pulumi CLI applies only the level of "all" to the policies and configures the pack with the
    // entry itself, which it refuses without a valid level ("invalid enforcement level").
    if (all?.allowUnknown !== undefined && all.level === undefined) {
        throw new PolicyConfigError(`${source}: "all" sets ${ALLOW_UNKNOWN} without an enforcement level, which pulumi preview refuses: ` +
            `add "enforcementLevel" to "all", or set ${ALLOW_UNKNOWN} on each policy`);
    }
    const resolved = new Map<string, ResolvedPolicyConfig>();
    for (const policy of policies) {
        const key = [policy.name, ...aliasesOf(policy)].find((name) => own(packConfig as object, name));
        const mine = key === undefined ? undefined : entry((packConfig as Record<string, unknown>)[key], `${source}: "${key}"`);
        const schemaProperties = policy.configSchema?.properties ?? {};
        for (const key of Object.keys(mine?.properties ?? {})) {
            if (!own(schemaProperties, key) && key !== ALLOW_UNKNOWN) {
                // `exemptions` and `allowUnknown` are common to every policy (docs/exemptions.md, docs/reports.md): list the policy's own settings.
                const options = Object.keys(schemaProperties).filter((k) => k !== "exemptions" && k !== ALLOW_UNKNOWN);
                throw new PolicyConfigError(`${source}: "${policy.name}" has no setting "${key}"` +
                    (options.length ? ` (settings: ${options.join(", ")})` : ` (it takes only an enforcement level${own(schemaProperties, "exemptions") ? " and exemptions" : ""})`));
            }
        }
        const exemptionProblems = exemptionConfigProblems(policy.name, mine && own(mine.properties, "exemptions") ? mine.properties.exemptions : undefined);
        if (exemptionProblems.length > 0) {
            throw new PolicyConfigError(`${source}: ${exemptionProblems.join("; ")}`);
        }
        const properties = { ...schemaDefaults(policy), ...(mine?.properties ?? {}) };
        // Compiling a schema is the cost here: a policy left at its schema defaults is not compiled
        // (the pack's own tests hold every default valid against its schema).
        if (policy.configSchema && Object.keys(mine?.properties ?? {}).length > 0) {
            const validate = ajv.compile({ type: "object", properties: schemaProperties, required: policy.configSchema.required ?? [] });
            if (!validate(properties)) {
                const details = (validate.errors ?? []).map((e) => `${e.instancePath.replace(/^\//, "") || "config"} ${e.message}`).join("; ");
                throw new PolicyConfigError(`${source}: "${policy.name}" is invalid: ${details}`);
            }
        }
        const level = mine?.level ?? all?.level ?? enforcementLevel(policy.enforcementLevel ?? "advisory", policy.name);
        // The policy's own entry wins over "all", which wins over a default the pack's schema may give.
        const allowUnknown = mine?.allowUnknown ?? all?.allowUnknown ?? properties[ALLOW_UNKNOWN] === true;
        resolved.set(policy.name, { enforcementLevel: level, properties, ...(allowUnknown ? { allowUnknown: true as const } : {}) });
    }
    return resolved;
}

/** The policies whose values unknown during preview the resolved config lets pass the gate. */
export function unknownsAllowed(resolved: ReadonlyMap<string, ResolvedPolicyConfig>): string[] {
    return [...resolved].filter(([, config]) => config.allowUnknown).map(([name]) => name);
}
