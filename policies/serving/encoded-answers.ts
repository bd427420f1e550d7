// A policy whose single validation is tagged with one type (policies/lib/define.ts) is answered by
// @pulumi/policy, for a resource of any other type, with a "Policy only applies to resources of
// type" entry, before anything else: about a hundred entries for each resource, each a protobuf
// message built and encoded again. That entry depends only on the resource's type and the pack's
// configuration. Here the first answer for a type after each Configure is the SDK's own; its
// entries for those policies are kept encoded, and later answers for the type leave the policies
// out of the SDK's loop and splice the kept bytes in, in the SDK's order. On the wire the response
// is the SDK's, byte for byte (tests/analyzer/type-dispatch.test.ts).
import type { Handler, ServedPolicy } from "./served-handlers";

/** Set to "0" to let the SDK answer every policy tagged with another type itself. */
export const ENCODED_ANSWERS_SWITCH = "PRODREADY_ENCODED_ANSWERS";

interface NotApplicable {
    getPolicyName(): string;
}

interface AnalyzeResponse {
    serializeBinary(): Uint8Array;
    getNotApplicableList(): NotApplicable[];
    setNotApplicableList(list: NotApplicable[]): void;
}

/** The type a policy's single validation is tagged with, when the SDK answers it unseen for `type`. */
export function taggedWithOtherType(p: ServedPolicy, type: string): string | undefined {
    const validation = p.validateResource;
    const tagged = typeof validation === "function" ? (validation as { __pulumiType?: unknown }).__pulumiType : undefined;
    return typeof tagged === "string" && tagged.length > 0 && tagged !== type ? tagged : undefined;
}

/** One entry encoded as the response's repeated field encodes it: tag, length, message. */
function encodedEntry(response: AnalyzeResponse, entry: NotApplicable): Uint8Array {
    const single = new (response.constructor as new () => AnalyzeResponse)();
    single.setNotApplicableList([entry]);
    return single.serializeBinary();
}

interface Learned {
    handler: Handler;
    /** The kept entries with each policy's place in the SDK's loop. */
    kept: Array<{ place: number; bytes: Uint8Array }>;
    keptBytes: Uint8Array;
}

/**
 * Analyze for resources of `type`: `policies` in the SDK's order, `makeHandler` the SDK's handler
 * over a list of them. Make a new one whenever the pack is configured again.
 */
export function analyzeWithEncodedAnswers(policies: readonly ServedPolicy[], type: string, makeHandler: (policies: ServedPolicy[]) => Handler): Handler {
    const full = makeHandler([...policies]);
    const unseen = policies.filter((p) => taggedWithOtherType(p, type) !== undefined);
    const place = new Map(policies.map((p, i) => [p.name, i]));
    if (unseen.length === 0 || place.size !== policies.length) {
        // Nothing to keep, or names that do not tell the entries apart.
        return full;
    }
    let learned: Learned | undefined;
    const learn = (response: AnalyzeResponse) => {
        const unseenNames = new Set(unseen.map((p) => p.name));
        const kept = response.getNotApplicableList()
            .filter((entry) => unseenNames.has(entry.getPolicyName()))
            .map((entry) => ({ place: place.get(entry.getPolicyName())!, bytes: encodedEntry(response, entry) }));
        learned = {
            handler: makeHandler(policies.filter((p) => !unseenNames.has(p.name))),
            kept,
            keptBytes: Buffer.concat(kept.map((k) => k.bytes)),
        };
    };
    return (call, callback) => {
        if (!learned) {
            return full(call, (err, response) => {
                if (!err && !learned) {
                    learn(response as AnalyzeResponse);
                }
                callback(err, response);
            });
        }
        const { handler, kept, keptBytes } = learned;
        return handler(call, (err, response) => {
            if (err) {
                callback(err);
                return;
            }
            const answer = response as AnalyzeResponse;
            const encode = answer.serializeBinary.bind(answer);
            answer.serializeBinary = () => spliced(answer, encode, kept, keptBytes, place);
            callback(undefined, answer);
        });
    };
}

/** The response's bytes with the kept entries put back among its own, in the SDK's order. */
function spliced(answer: AnalyzeResponse, encode: () => Uint8Array, kept: Learned["kept"], keptBytes: Uint8Array, place: Map<string, number>): Uint8Array {
    const own = answer.getNotApplicableList();
    if (own.length === 0) {
        return Buffer.concat([encode(), keptBytes]);
    }
    // Diagnostics come first on the wire, then the not-applicable entries.
    answer.setNotApplicableList([]);
    let diagnostics: Uint8Array;
    try {
        diagnostics = encode();
    } finally {
        answer.setNotApplicableList(own);
    }
    const entries = [...kept, ...own.map((entry) => ({ place: place.get(entry.getPolicyName())!, bytes: encodedEntry(answer, entry) }))];
    // A stable sort: one policy's own entries keep their order.
    entries.sort((a, b) => a.place - b.place);
    return Buffer.concat([diagnostics, ...entries.map((e) => e.bytes)]);
}
