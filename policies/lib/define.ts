import type {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { checklistReference, policyTags } from "./contract";
import { frameworkTags } from "./frameworks";
import { decide, EXEMPTIONS_SCHEMA, EXEMPTIONS_FROM_RESOURCES_SCHEMA, exemptionReason, withNotes } from "./exemptions";
import { isUnknownValueError, UnknownResourcesError } from "./unknowns";

/** One threshold or option of a policy, as JSON Schema. */
export type ConfigProperty = PolicyConfigSchema["properties"][string];

/**
 * A policy's settings, declared once as JSON Schema: the engine validates the config against it,
 * and `ConfigOf` derives the type `validate` reads, so a misspelt setting does not compile.
 */
export type Settings = Readonly<Record<string, Setting>>;

/** One setting: a JSON Schema property with the default taken from the checklists and a description citing it. */
export interface Setting {
    readonly type?: string | readonly string[];
    readonly default: unknown;
    readonly description: string;
    readonly [keyword: string]: unknown;
}

/** The TypeScript type of the value one JSON Schema property accepts. */
export type ValueOf<P> =
    P extends { enum: readonly (infer E)[] } ? E
        : P extends { type: "integer" | "number" } ? number
            : P extends { type: "string" } ? string
                : P extends { type: "boolean" } ? boolean
                    : P extends { type: "array"; items: infer I } ? readonly ValueOf<I>[]
                        : P extends { type: "array" } ? readonly unknown[]
                            : P extends { type: "object" } ? Readonly<Record<string, unknown>>
                                : unknown;

/** The config a policy's `validate` receives: every setting, with its default filled in. */
export type ConfigOf<S> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** Go-live priority, as in the readiness summary of checklist 001: P0 blocks go-live. */
export type Priority = "P0" | "P1" | "P2";

/** The generated reference of every policy (scripts/generate.ts); each has an entry named after it. */
export const POLICY_REFERENCE = "docs/policies.md";

/** The name of the framework every policy cites in its `framework` metadata. */
export const CHECKLIST_FRAMEWORK = "prodready-checklists";

/** What every prodready policy declares besides its validation. */
export interface PolicyMetadata {
    /** Stable id: `<provider>-<group>-<verb>-<subject>`, equal to the file's path. */
    name: string;
    /** Former names: configs, exemptions and reports written for them still apply to this policy. */
    aliases?: readonly string[];
    description: string;
    priority: Priority;
    severity: Severity;
    /** Ids of the checklist items (catalog/checklist.yaml) this policy enforces. */
    checklist: readonly string[];
    /** What to change, in one or two sentences. */
    remediationSteps: string;
    tags?: readonly string[];
}

/** Thresholds and options; every property needs a `default` taken from the checklists. */
interface Configurable<S extends Settings> {
    config?: S;
}

/** A resource as a policy sees it: its type, its name and its (possibly unknown) inputs. */
export interface Subject {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
}

/** Reports one violation; the message says what is wrong and what to set instead. */
export type Report = (message: string) => void;

export interface ResourcePolicySpec<S extends Settings> extends PolicyMetadata, Configurable<S> {
    /** Pulumi type tokens the policy judges, aliases included. */
    resourceTypes: readonly string[];
    /**
     * For policies that also judge types no list can hold (custom resources carrying a pod template):
     * true for every resource the policy judges, `resourceTypes` included. It may look at the
     * resource's properties, so reports can tell which custom resources a policy really judged.
     */
    appliesTo?: (type: string, props: Record<string, unknown>) => boolean;
    validate: (resource: Subject, config: ConfigOf<S>, report: Report) => void;
}

/** Reports one violation of a stack policy, on the resource with this URN (or on the stack). */
export type StackReport = (message: string, urn?: string) => void;

/** What a stack policy gets besides its resources and config. */
export interface StackContext {
    /**
     * Runs `judgement` for one resource. When it reads a value unknown during preview, only this
     * resource is reported as unknown; the policy goes on judging the others, and violations already
     * reported stay reported.
     */
    judge(resource: { urn: string }, judgement: () => void): void;
}

export interface StackPolicySpec<S extends Settings> extends PolicyMetadata, Configurable<S> {
    /**
     * Pulumi type tokens of the resources the policy reads to reach a verdict: those it judges and
     * those it joins them with. Reports count resources of these types as judged.
     */
    resourceTypes: readonly string[];
    validate: (resources: readonly PolicyResource[], config: ConfigOf<S>, report: StackReport, context: StackContext) => void;
}

/** Fields a prodready policy carries on top of `@pulumi/policy`'s own. */
export interface ProdreadyFields {
    priority: Priority;
    checklist: readonly string[];
    aliases: readonly string[];
    /** The types a resource policy judges, or a stack policy reads (StackPolicySpec.resourceTypes). */
    resourceTypes?: readonly string[];
    /** Set when the policy judges types beyond `resourceTypes` (see ResourcePolicySpec.appliesTo). */
    appliesTo?: (type: string, props: Record<string, unknown>) => boolean;
}

export { ALIAS_TAG_PREFIX } from "./contract";

export type ProdreadyResourcePolicy = ResourceValidationPolicy & ProdreadyFields;
export type ProdreadyStackPolicy = StackValidationPolicy & ProdreadyFields;
export type ProdreadyPolicy = ProdreadyResourcePolicy | ProdreadyStackPolicy;

export function defaultEnforcement(priority: Priority): EnforcementLevel {
    return priority === "P0" ? "mandatory" : "advisory";
}

function metadata(spec: PolicyMetadata & Configurable<Settings>) {
    const provider = spec.name.split("-")[0];
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: defaultEnforcement(spec.priority),
        severity: spec.severity,
        remediationSteps: spec.remediationSteps,
        framework: {
            name: CHECKLIST_FRAMEWORK,
            version: "1",
            reference: checklistReference(spec.checklist),
            specification: "catalog/checklist.yaml",
        },
        // The priority and the framework controls (policies/lib/framework-catalog.ts) also travel as
        // tags, so Pulumi Cloud, the engine's JSON and every report show them; `framework` above stays
        // the checklists, as the SDK holds one framework per policy.
        tags: policyTags(provider, spec.priority, spec.aliases ?? [], [...frameworkTags(spec.name), ...(spec.tags ?? [])]),
        // The policy's entry in the generated reference, relative to the repository like `specification`.
        url: `${POLICY_REFERENCE}#${spec.name}`,
        // Every policy takes `exemptions` (policies/lib/exemptions.ts), so the engine accepts them in its config.
        configSchema: {
            properties: {
                ...(spec.config ?? {}),
                exemptions: EXEMPTIONS_SCHEMA,
                exemptionsFromResources: EXEMPTIONS_FROM_RESOURCES_SCHEMA,
                allowUnknown: ALLOW_UNKNOWN_SCHEMA,
            } as unknown as PolicyConfigSchema["properties"],
        },
        priority: spec.priority,
        checklist: spec.checklist,
        aliases: spec.aliases ?? [],
    };
}

/**
 * Whether prodready's gate lets this policy pass a resource it could not judge because a value is
 * unknown during preview (docs/reports.md). The pack itself does not read it: the engine judges
 * again at `pulumi up`, and Pulumi Cloud validates policy-group configs against this schema.
 */
const ALLOW_UNKNOWN_SCHEMA = {
    type: "boolean",
    default: false,
    description: "Let a value unknown during preview pass prodready's gate for this policy instead of failing it as not verified; the engine is not affected.",
};

/** Settings every policy takes besides its own (policies/lib/exemptions.ts, ALLOW_UNKNOWN_SCHEMA). */
interface CommonSettings {
    exemptions?: unknown;
    exemptionsFromResources?: unknown;
    allowUnknown?: boolean;
}

/** A policy that judges each resource of the listed types on its own. */
export function resourcePolicy<const S extends Settings = Record<string, never>>(spec: ResourcePolicySpec<S>): ProdreadyResourcePolicy {
    const names = [spec.name, ...(spec.aliases ?? [])];
    const types = new Set(spec.resourceTypes);
    const applies = spec.appliesTo ?? ((type: string) => types.has(type));
    return {
        ...metadata(spec),
        resourceTypes: spec.resourceTypes,
        ...(spec.appliesTo ? { appliesTo: spec.appliesTo } : {}),
        validateResource: tagSingleType(spec.appliesTo ? [] : spec.resourceTypes, (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (!applies(args.type, args.props)) {
                return;
            }
            const subject: Subject = { type: args.type, name: args.name, urn: args.urn, props: args.props };
            const config = args.getConfig<ConfigOf<S> & CommonSettings>();
            const { exempt, notes } = decide(names, subject, config.exemptions, config.exemptionsFromResources);
            if (exempt) {
                args.notApplicable(exemptionReason(exempt));
            }
            spec.validate(subject, config, (message) => reportViolation(withNotes(message, notes)));
        }),
    };
}

/**
 * Marks a validation that judges one type the way `validateResourceOfType` does, so the policy
 * SDK skips other resources before deserializing their properties (it does so once per policy).
 */
function tagSingleType<F extends object>(resourceTypes: readonly string[], validate: F): F {
    if (resourceTypes.length === 1) {
        Object.assign(validate, { __pulumiType: resourceTypes[0] });
    }
    return validate;
}

// The stack policies of one request are handed the same resource objects (policies/serving/
// shared-stack.ts), so their URN index is built once, keyed on the list's first resource and kept
// only for a list of the very same objects, and only when a violation or unknown needs it.
const urnIndexes = new WeakMap<object, { list: readonly PolicyResource[]; index: Map<string, PolicyResource> }>();

function urnIndex(resources: readonly PolicyResource[]): () => Map<string, PolicyResource> {
    let index: Map<string, PolicyResource> | undefined;
    return () => {
        if (index) {
            return index;
        }
        const first = resources[0];
        const kept = first === undefined ? undefined : urnIndexes.get(first);
        if (kept && kept.list.length === resources.length && kept.list.every((r, i) => r === resources[i])) {
            index = kept.index;
        } else {
            index = new Map(resources.map((r) => [r.urn, r]));
            if (first !== undefined) {
                urnIndexes.set(first, { list: resources, index });
            }
        }
        return index;
    };
}

/** A policy that needs the whole stack, to join resources that reference each other. */
export function stackPolicy<const S extends Settings = Record<string, never>>(spec: StackPolicySpec<S>): ProdreadyStackPolicy {
    const names = [spec.name, ...(spec.aliases ?? [])];
    return {
        ...metadata(spec),
        resourceTypes: spec.resourceTypes,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = args.getConfig<ConfigOf<S> & CommonSettings>();
            const byUrn = urnIndex(args.resources);
            // A violation on an exempt resource is withheld; the exemptions that withheld one are
            // reported together as the policy's not-applicable reason, one line per resource.
            const withheld = new Map<string, string>();
            const unknown = new Set<string>();
            const context: StackContext = {
                judge: (resource, judgement) => {
                    try {
                        judgement();
                    } catch (error) {
                        if (!isUnknownValueError(error)) {
                            throw error;
                        }
                        unknown.add(resource.urn);
                    }
                },
            };
            spec.validate(args.resources, config, (message, urn) => {
                const resource = urn === undefined ? undefined : byUrn().get(urn);
                const { exempt, notes } = resource ? decide(names, resource, config.exemptions, config.exemptionsFromResources) : { exempt: undefined, notes: [] };
                if (exempt) {
                    withheld.set(urn!, exemptionReason(exempt, urn));
                } else {
                    reportViolation(withNotes(message, notes), urn);
                }
            }, context);
            for (const urn of unknown) {
                const resource = byUrn().get(urn);
                const { exempt } = resource ? decide(names, resource, config.exemptions, config.exemptionsFromResources) : { exempt: undefined };
                if (exempt) {
                    unknown.delete(urn);
                    withheld.set(urn, exemptionReason(exempt, urn));
                }
            }
            if (unknown.size > 0) {
                // Reported after every judgement, so one unknown value hides no other resource's verdict.
                throw new UnknownResourcesError([...unknown]);
            }
            if (withheld.size > 0) {
                args.notApplicable([...withheld.values()].join("\n"));
            }
        },
    };
}
