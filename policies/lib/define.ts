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
import { decide, EXEMPTIONS_SCHEMA, exemptionReason, withNotes } from "./exemptions";

/** One threshold or option of a policy, as JSON Schema. */
export type ConfigProperty = PolicyConfigSchema["properties"][string];

/** Go-live priority, as in the readiness summary of checklist 001: P0 blocks go-live. */
export type Priority = "P0" | "P1" | "P2";

/** The name of the framework every policy cites in its `framework` metadata. */
export const CHECKLIST_FRAMEWORK = "prodready-checklists";

/** What every prodready policy declares besides its validation. */
export interface PolicyMetadata {
    /** Stable id: `<provider>-<group>-<verb>-<subject>`, equal to the file's path. */
    name: string;
    description: string;
    priority: Priority;
    severity: Severity;
    /** Ids of the checklist items (catalog/checklist.yaml) this policy enforces. */
    checklist: readonly string[];
    /** What to change, in one or two sentences. */
    remediationSteps: string;
    tags?: readonly string[];
    /** Thresholds and options; every property needs a `default` taken from the checklists. */
    config?: Record<string, ConfigProperty>;
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

export interface ResourcePolicySpec<C> extends PolicyMetadata {
    /** Pulumi type tokens the policy judges, aliases included. */
    resourceTypes: readonly string[];
    validate: (resource: Subject, config: C, report: Report) => void;
}

export interface StackPolicySpec<C> extends PolicyMetadata {
    validate: (resources: readonly PolicyResource[], config: C, report: (message: string, urn?: string) => void) => void;
}

/** Fields a prodready policy carries on top of `@pulumi/policy`'s own. */
export interface ProdreadyFields {
    priority: Priority;
    checklist: readonly string[];
    resourceTypes?: readonly string[];
}

export type ProdreadyResourcePolicy = ResourceValidationPolicy & ProdreadyFields;
export type ProdreadyStackPolicy = StackValidationPolicy & ProdreadyFields;
export type ProdreadyPolicy = ProdreadyResourcePolicy | ProdreadyStackPolicy;

export function defaultEnforcement(priority: Priority): EnforcementLevel {
    return priority === "P0" ? "mandatory" : "advisory";
}

function metadata(spec: PolicyMetadata) {
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
            reference: spec.checklist.join(", "),
            specification: "catalog/checklist.yaml",
        },
        // The priority also travels as a tag, so Pulumi Cloud and the engine's JSON show it.
        tags: [provider, `priority:${spec.priority}`, ...(spec.tags ?? [])],
        // Every policy takes `exemptions` (policies/lib/exemptions.ts), so the engine accepts them in its config.
        configSchema: { properties: { ...(spec.config ?? {}), exemptions: EXEMPTIONS_SCHEMA } },
        priority: spec.priority,
        checklist: spec.checklist,
    };
}

/** A policy that judges each resource of the listed types on its own. */
export function resourcePolicy<C extends object = Record<string, never>>(spec: ResourcePolicySpec<C>): ProdreadyResourcePolicy {
    const types = new Set(spec.resourceTypes);
    return {
        ...metadata(spec),
        resourceTypes: spec.resourceTypes,
        validateResource: tagSingleType(spec.resourceTypes, (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (!types.has(args.type)) {
                return;
            }
            const subject: Subject = { type: args.type, name: args.name, urn: args.urn, props: args.props };
            const config = args.getConfig<C & { exemptions?: unknown }>();
            const { exempt, notes } = decide(spec.name, subject, config.exemptions);
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

/** A policy that needs the whole stack, to join resources that reference each other. */
export function stackPolicy<C extends object = Record<string, never>>(spec: StackPolicySpec<C>): ProdreadyStackPolicy {
    return {
        ...metadata(spec),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = args.getConfig<C & { exemptions?: unknown }>();
            const byUrn = new Map(args.resources.map((r) => [r.urn, r]));
            // A violation on an exempt resource is withheld; the exemptions that withheld one are
            // reported together as the policy's not-applicable reason, one line per resource.
            const withheld = new Map<string, string>();
            spec.validate(args.resources, config, (message, urn) => {
                const resource = urn === undefined ? undefined : byUrn.get(urn);
                const { exempt, notes } = resource ? decide(spec.name, resource, config.exemptions) : { exempt: undefined, notes: [] };
                if (exempt) {
                    withheld.set(urn!, exemptionReason(exempt, urn));
                } else {
                    reportViolation(withNotes(message, notes), urn);
                }
            });
            if (withheld.size > 0) {
                args.notApplicable([...withheld.values()].join("\n"));
            }
        },
    };
}
