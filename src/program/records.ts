import type { DeclarationSite } from "./declaration-site";

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
}

/** What running a program under the recording monitor produced. */
export interface ProgramRun {
    project: string;
    stack: string;
    resources: RecordedResource[];
    /** Provider functions the program called that the preview could only answer with {}. */
    unansweredInvokes: string[];
    /** The program's error, when it threw. */
    error?: string;
}
