import type { DeclarationSite } from "./declaration-site";
import type { Step, StepSubject } from "../report/model";

/** One resource as the program registered it, in the engine's wire format (unknowns and secrets as sentinels). */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent?: string;
    /** Provider reference `urn::id` for an explicit provider; unset for the default provider. */
    provider?: string;
    /** The provider package version the SDK asked for. */
    version?: string;
    remote: boolean;
    inputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    options: {
        protect: boolean;
        ignoreChanges: string[];
        deleteBeforeReplace: boolean;
        deleteBeforeReplaceDefined: boolean;
        additionalSecretOutputs: string[];
        aliases: string[];
        customTimeouts: { create: string; update: string; delete: string };
        /** URN of the resource whose deletion deletes this one, when set. */
        deletedWith?: string;
    };
    /** The line that declares the resource: the program's source, or the manifest's object. */
    source?: DeclarationSite;
    /**
     * A deployed resource's outputs, from a stack export: what the engine sends to AnalyzeStack when
     * it judges a deployed stack (`pulumi policy analyze`), while Analyze gets the inputs.
     */
    outputs?: Record<string, unknown>;
    /** What an update would do to it, against the stack's last state (`--state`). */
    step?: Step;
}

/** A remote component no provider plugin constructed: its children were not seen. */
export interface UnexpandedComponent {
    type: string;
    name: string;
    urn: string;
    reason: string;
    /** Accepted unjudged by the platform (--allow-unexpanded); otherwise the run fails. */
    allowed: boolean;
}

/** What running a program under the recording monitor produced. */
export interface ProgramRun {
    project: string;
    stack: string;
    resources: RecordedResource[];
    /** Provider functions the program called that the preview could not answer (the run fails on them). */
    unansweredInvokes: string[];
    /** Remote components accepted unexpanded: listed as not judged. */
    unexpanded?: UnexpandedComponent[];
    /** Provider functions answered with stand-in values of their result type, sorted. */
    standInFunctions?: string[];
    /** Resources whose ID and computed outputs were stand-ins, by URN. */
    standInResources?: string[];
    /** The program's error, when it threw. */
    error?: string;
    /** Resources of the stack's last state (`--state`) the program no longer declares: an update deletes them. */
    deletes?: StepSubject[];
}
