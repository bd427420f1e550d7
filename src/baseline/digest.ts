// The digest of a resource's inputs, recorded with each baseline entry: when the inputs differ, the
// resource changed and its entry no longer applies (the ratchet). Computed from the inputs as the run
// saw them, so a baseline compares like with like when the same command writes and applies it.
import { createHash } from "crypto";
import { SECRET_SIG, SIG_KEY } from "../values";

/**
 * The inputs in one canonical text: object keys sorted, every secret as `[secret]`, so the file
 * holds nothing a secret could be guessed back from (changing only a secret's value leaves the digest as it is).
 */
function canonical(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(canonical);
    }
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) {
            return "[secret]";
        }
        return Object.fromEntries(Object.keys(record).sort().map((k) => [k, canonical(record[k])]));
    }
    return value;
}

/** `sha256:<hex>` of a resource's inputs. */
export function inputsDigest(inputs: Record<string, unknown>): string {
    return `sha256:${createHash("sha256").update(JSON.stringify(canonical(inputs))).digest("hex")}`;
}

/**
 * The digest of each resource's inputs, by URN, computed when first asked for: only a baseline
 * written or applied asks, and then only for the resources with findings.
 */
export function inputsDigests(resources: Iterable<{ urn: string; inputs?: Record<string, unknown> }>): Pick<ReadonlyMap<string, string>, "get"> {
    const inputs = new Map<string, Record<string, unknown>>();
    for (const r of resources) {
        inputs.set(r.urn, r.inputs ?? {});
    }
    const digests = new Map<string, string>();
    return {
        get(urn: string): string | undefined {
            let digest = digests.get(urn);
            const of = inputs.get(urn);
            if (digest === undefined && of !== undefined) {
                digest = inputsDigest(of);
                digests.set(urn, digest);
            }
            return digest;
        },
    };
}
