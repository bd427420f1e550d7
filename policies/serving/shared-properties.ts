// @pulumi/policy deserializes a resource's properties again for every policy that judges it, and
// every stack policy deserializes the whole stack again. The protobuf Struct of a request is one
// object for the life of the request, so the deserialized value can be computed once and shared;
// and properties without an unknown value skip the SDK's unknown-checking proxy, which could not
// throw on them. Policies only read properties (tests/harness/policy.ts holds every spec to that).
import * as path from "path";
import { pinnedSdk } from "./pinned-sdk";

/** Set to "0" to judge with the SDK's own per-policy deserialization (the plain path). */
export const SHARED_PROPERTIES_SWITCH = "PRODREADY_SHARED_PROPERTIES";

type Deserialize = (struct: object, proxySecrets: boolean) => Record<string, unknown>;

interface DeserializeModule {
    deserializeProperties: Deserialize;
}

export type SharingOutcome =
    | { shared: true }
    | { shared: false; reason: string };

// The wrappers installed, so that starting the pack twice in one process does not wrap twice.
const sharing = new WeakSet<object>();

type Proxy = <T>(value: T) => T;

// The values the engine sends for unknowns; the SDK's proxy throws when a policy reads one.
const UNKNOWN_SENTINEL_NAMES = [
    "unknownBooleanValue", "unknownNumberValue", "unknownStringValue", "unknownArrayValue",
    "unknownAssetValue", "unknownArchiveValue", "unknownObjectValue",
] as const;

type ProxyModule = { unknownCheckingProxy: Proxy } & Record<(typeof UNKNOWN_SENTINEL_NAMES)[number], unknown>;

/** True when an unknown sentinel is anywhere in the value. */
export function holdsUnknown(value: unknown, sentinels: ReadonlySet<string>): boolean {
    if (typeof value === "string") {
        return sentinels.has(value);
    }
    if (typeof value !== "object" || value === null) {
        return false;
    }
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
        if (holdsUnknown(item, sentinels)) {
            return true;
        }
    }
    return false;
}

/**
 * The SDK wraps every resource's properties, on every read, in a proxy that throws when a policy
 * reads an unknown value. Where the properties hold no unknown value it can never throw, so they
 * are handed over as they are; where they hold one, the SDK's proxy guards them as before.
 */
export function proxyWhereUnknown(proxy: Proxy, sentinels: ReadonlySet<string>): Proxy {
    const known = new WeakMap<object, boolean>();
    return <T>(value: T): T => {
        if (typeof value !== "object" || value === null) {
            return proxy(value);
        }
        let unknown = known.get(value);
        if (unknown === undefined) {
            unknown = holdsUnknown(value, sentinels);
            known.set(value, unknown);
        }
        return unknown ? proxy(value) : value;
    };
}

/** Wraps a deserializer so that one Struct is deserialized once; secret-preserving calls are left alone. */
export function deserializeOnce(deserialize: Deserialize): Deserialize {
    const done = new WeakMap<object, Record<string, unknown>>();
    const once: Deserialize = (struct, proxySecrets) => {
        if (proxySecrets || typeof struct !== "object" || struct === null) {
            return deserialize(struct, proxySecrets);
        }
        let value = done.get(struct);
        if (value === undefined) {
            value = deserialize(struct, proxySecrets);
            done.set(struct, value);
        }
        return value;
    };
    return once;
}

/**
 * Makes the SDK's server deserialize each request's properties once. Applies only to the pinned SDK
 * release; any other release, or a module shaped differently, keeps the plain path and says why.
 */
export function shareDeserializedProperties(env: NodeJS.ProcessEnv = process.env, sdkDir?: string): SharingOutcome {
    const sdk = pinnedSdk(env, SHARED_PROPERTIES_SWITCH, "shares deserialized properties with", sdkDir);
    if ("reason" in sdk) {
        return { shared: false, reason: sdk.reason };
    }
    const { dir } = sdk;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(path.join(dir, "deserialize.js")) as Partial<DeserializeModule>;
    const original = module.deserializeProperties;
    if (typeof original !== "function" || original.length !== 2) {
        return { shared: false, reason: "@pulumi/policy's deserializeProperties is not the function this pack expects" };
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const proxies = require(path.join(dir, "proxy.js")) as Partial<ProxyModule>;
    const proxy = proxies.unknownCheckingProxy;
    const sentinels = UNKNOWN_SENTINEL_NAMES.map((name) => proxies[name]);
    if (typeof proxy !== "function" || sentinels.some((s) => typeof s !== "string")) {
        return { shared: false, reason: "@pulumi/policy's unknownCheckingProxy is not the function this pack expects" };
    }
    if (!sharing.has(original)) {
        const once = deserializeOnce(original);
        sharing.add(once);
        module.deserializeProperties = once;
    }
    if (!sharing.has(proxy)) {
        const where = proxyWhereUnknown(proxy, new Set(sentinels as string[]));
        sharing.add(where);
        proxies.unknownCheckingProxy = where;
    }
    return { shared: true };
}
