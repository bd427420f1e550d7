// A stack export as a run the pack judges, the way `pulumi policy analyze` sends a deployed stack to
// analyzers (pkg/resource/deploy/analyze_snapshot.go in pulumi/pulumi 3.248): each resource's
// inputs to Analyze, its outputs to AnalyzeStack, its provider's inputs as the provider.
import type { ProgramRun, RecordedResource } from "../program/records";
import { secretTexts } from "../report/redaction";
import type { DeployedResource, StackState } from "./export";

function recorded(r: DeployedResource): RecordedResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        custom: r.custom,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
        remote: false,
        inputs: r.inputs,
        outputs: r.outputs,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        options: {
            protect: r.protect,
            ignoreChanges: r.ignoreChanges,
            deleteBeforeReplace: r.deleteBeforeReplace,
            deleteBeforeReplaceDefined: r.deleteBeforeReplace,
            additionalSecretOutputs: r.additionalSecretOutputs,
            aliases: r.aliases,
            customTimeouts: r.customTimeouts,
        },
    };
}

/**
 * The run of a deployed stack. Every resource that exists is sent, providers, the stack and the
 * resources the program reads (`external`) too, as the engine sends them; reports count providers
 * and the stack apart as not policy subjects.
 */
export function deployedRun(state: StackState): ProgramRun {
    return {
        project: state.project,
        stack: state.stack,
        resources: state.resources.map(recorded),
        unansweredInvokes: [],
    };
}

/**
 * The plain text of every secret a stack export holds in plain text (`--show-secrets`): in inputs,
 * in outputs, and in the outputs named by `additionalSecretOutputs`. Encrypted ones were never read.
 */
export function deployedSecretTexts(state: StackState): string[] {
    const resources = deployedRun(state).resources;
    return secretTexts([...resources, ...resources.map((r) => ({ ...r, inputs: r.outputs ?? {} }))]);
}
