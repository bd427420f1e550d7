// The Analyze and AnalyzeStack requests, built as the engine builds them from a step's resource.
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
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

/** Set on a value some part of which google-protobuf's Struct could not hold as it is. */
const NOT_PLAIN = Symbol("not plain");

/**
 * What `Struct.fromJavaScript(value).toJavaScript()` returns, for a value made of strings, numbers,
 * booleans, null, arrays and plain objects only (its map hands keys over sorted); NOT_PLAIN for
 * anything else (an undefined, a class instance, an own `__proto__` key), which a Struct must read.
 */
function structCopy(value: unknown): unknown {
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        return value;
    }
    if (Array.isArray(value)) {
        const copy: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
            const item = structCopy(value[i]);
            if (item === NOT_PLAIN) {
                return NOT_PLAIN;
            }
            copy[i] = item;
        }
        return copy;
    }
    if (typeof value !== "object") {
        return NOT_PLAIN;
    }
    const prototype = Object.getPrototypeOf(value);
    if ((prototype !== Object.prototype && prototype !== null) || Object.prototype.hasOwnProperty.call(value, "__proto__")) {
        return NOT_PLAIN;
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
        const item = structCopy((value as Record<string, unknown>)[key]);
        if (item === NOT_PLAIN) {
            return NOT_PLAIN;
        }
        copy[key] = item;
    }
    return copy;
}

/**
 * A resource's properties for a pack served in this process, which reads them only through
 * `toJavaScript()`: the value a Struct would give, without building its protobuf messages. The
 * pack copies what it is handed (deserializeProperties), so one copy serves every call. It holds
 * nothing to encode, so encoding it fails rather than send empty properties.
 */
class PlainProperties extends Struct {
    constructor(private readonly value: Record<string, JavaScriptValue>) {
        super();
    }

    override toJavaScript(): Record<string, JavaScriptValue> {
        return this.value;
    }

    override serializeBinary(): Uint8Array {
        throw new Error("plain properties are for a policy pack in this process and cannot be encoded");
    }
}

/** A resource's properties as a request carries them: a Struct, or for a pack in this process plain values where they are plain. */
function properties(value: Record<string, unknown>, plain: boolean): Struct {
    const copy = plain ? structCopy(value) : NOT_PLAIN;
    return copy === NOT_PLAIN ? Struct.fromJavaScript(value as Record<string, never>) : new PlainProperties(copy as Record<string, JavaScriptValue>);
}

/**
 * Builds the protobuf parts of each resource once: its properties go into both its Analyze and the
 * AnalyzeStack request, and a provider's message is shared by every resource it manages. With
 * `plain`, for a pack served in this process that never encodes a request, properties are plain.
 */
export class RequestParts {
    private readonly properties = new Map<RecordedResource, Struct>();
    private readonly providers = new Map<RecordedResource, analyzerProto.AnalyzerProviderResource>();

    constructor(readonly plain = false) {}

    propertiesOf(r: RecordedResource): Struct {
        let struct = this.properties.get(r);
        if (!struct) {
            struct = properties(downgradeReferences(r.inputs) as Record<string, unknown>, this.plain);
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
        res.setProperties(properties(downgradeReferences(r.outputs) as Record<string, unknown>, parts.plain));
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
