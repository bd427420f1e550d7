// The special values of Pulumi's property maps, as the engine and the language SDKs write them: the
// program recorder, the stack export reader, the baseline, the redaction and the analyzer wire all
// read them. They are the ones @pulumi/pulumi/runtime/rpc exports (tests/lib/wire.test.ts holds them
// equal); they are repeated here because loading that module costs the CLI most of a second at start-up.

/** A value unknown during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The key that marks a special value (secret, resource reference, asset). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** Replaces secret wrappers by their values, so the value reads as plain inputs. */
export function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(unwrapSecrets);
    }
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) {
            return unwrapSecrets(record.value);
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}
