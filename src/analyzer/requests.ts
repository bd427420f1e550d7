// The Analyze and AnalyzeStack requests, built as the engine builds them from a step's resource.
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { RecordedResource } from "../program/records";
import { downgradeReferences, durationSeconds } from "./wire";

function resourceOptions(r: RecordedResource): analyzerProto.AnalyzerResourceOptions {
    const options = new analyzerProto.AnalyzerResourceOptions();
    options.setProtect(r.options.protect);
    options.setIgnorechangesList(r.options.ignoreChanges);
    options.setDeletebeforereplace(r.options.deleteBeforeReplace);
    options.setDeletebeforereplacedefined(r.options.deleteBeforeReplaceDefined);
    options.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
    options.setAliasesList(r.options.aliases);
    const timeouts = new analyzerProto.AnalyzerResourceOptions.CustomTimeouts();
    timeouts.setCreate(durationSeconds(r.options.customTimeouts.create));
    timeouts.setUpdate(durationSeconds(r.options.customTimeouts.update));
    timeouts.setDelete(durationSeconds(r.options.customTimeouts.delete));
    options.setCustomtimeouts(timeouts);
    if (r.parent) {
        options.setParent(r.parent);
    }
    return options;
}

/**
 * Builds the protobuf parts of each resource once: its properties go into both its Analyze and the
 * AnalyzeStack request, and a provider's message is shared by every resource it manages.
 */
export class RequestParts {
    private readonly properties = new Map<RecordedResource, Struct>();
    private readonly providers = new Map<RecordedResource, analyzerProto.AnalyzerProviderResource>();

    propertiesOf(r: RecordedResource): Struct {
        let struct = this.properties.get(r);
        if (!struct) {
            struct = Struct.fromJavaScript(downgradeReferences(r.inputs) as Record<string, never>);
            this.properties.set(r, struct);
        }
        return struct;
    }

    providerOf(provider: RecordedResource): analyzerProto.AnalyzerProviderResource {
        let message = this.providers.get(provider);
        if (!message) {
            message = new analyzerProto.AnalyzerProviderResource();
            message.setType(provider.type);
            message.setName(provider.name);
            message.setUrn(provider.urn);
            message.setProperties(this.propertiesOf(provider));
            this.providers.set(provider, message);
        }
        return message;
    }

    /** Sets what AnalyzeRequest and AnalyzerResource have in common. */
    fill<T extends analyzerProto.AnalyzeRequest | analyzerProto.AnalyzerResource>(message: T, r: RecordedResource, provider: RecordedResource | undefined): T {
        message.setType(r.type);
        message.setName(r.name);
        message.setUrn(r.urn);
        message.setProperties(this.propertiesOf(r));
        message.setOptions(resourceOptions(r));
        if (provider) {
            message.setProvider(this.providerOf(provider));
        }
        return message;
    }
}

export function analyzeRequest(parts: RequestParts, r: RecordedResource, provider: RecordedResource | undefined): analyzerProto.AnalyzeRequest {
    return parts.fill(new analyzerProto.AnalyzeRequest(), r, provider);
}

export function stackResource(parts: RequestParts, r: RecordedResource, provider: RecordedResource | undefined): analyzerProto.AnalyzerResource {
    const res = parts.fill(new analyzerProto.AnalyzerResource(), r, provider);
    if (r.outputs) {
        // A deployed resource: stack policies judge what was deployed (deploy.AnalyzeSnapshot sends its outputs).
        res.setProperties(Struct.fromJavaScript(downgradeReferences(r.outputs) as Record<string, never>));
    }
    if (r.parent) {
        res.setParent(r.parent);
    }
    res.setDependenciesList(r.dependencies);
    const deps = res.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const d = new analyzerProto.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return res;
}
