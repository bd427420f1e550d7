// A pack served in this process is handed a resource's properties as plain values: exactly what a
// Struct built from them gives back (keys sorted as its map sorts them), and a real Struct wherever
// some part of them is not plain, so the SDK meets the same value, or the same error.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { RequestParts } from "../../src/analyzer/requests";
import type { RecordedResource } from "../../src/program/records";

function resource(inputs: Record<string, unknown>): RecordedResource {
    return { urn: "urn:pulumi:dev::p::kubernetes:core/v1:Pod::x", type: "kubernetes:core/v1:Pod", name: "x", inputs } as unknown as RecordedResource;
}

/** What the pack reads of the properties: their value, or the error reading them throws. */
function read(struct: { toJavaScript(): unknown }): { value: unknown } | { error: string } {
    try {
        return { value: struct.toJavaScript() };
    } catch (err) {
        return { error: String(err) };
    }
}

/** The properties a request carries, built for a pack over gRPC (a Struct) or in this process (`plain`). */
function via(plain: boolean, inputs: Record<string, unknown>) {
    try {
        return read(new RequestParts(plain).propertiesOf(resource(inputs)));
    } catch (err) {
        return { error: String(err) };
    }
}
const viaStruct = (inputs: Record<string, unknown>) => via(false, inputs);
const viaPlain = (inputs: Record<string, unknown>) => via(true, inputs);

/** Key order is part of the value a policy iterates over. */
function keyOrder(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(keyOrder);
    }
    if (value && typeof value === "object") {
        return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
    }
    return Object.is(value, -0) ? "-0" : value;
}

/** A small deterministic generator of nested values with awkward keys and numbers. */
function generated(seed: number, depth = 0): unknown {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    const keys = ["b", "a", "10", "2", "", "Z", "é", "😀", "constructor", "toString", "hasOwnProperty", "$", "a.b", "-1", "01"];
    const leaf = () => [null, true, false, 0, -0, 1.5, -7, 2 ** 53, NaN, Infinity, "", "text", "🙂 ü", "\u0000"][next() % 14];
    if (depth > 3) {
        return leaf();
    }
    switch (next() % 3) {
        case 0:
            return leaf();
        case 1:
            return Array.from({ length: next() % 4 }, (_, i) => generated(next() + i, depth + 1));
        default: {
            const object: Record<string, unknown> = {};
            for (let i = next() % 5; i > 0; i--) {
                object[keys[next() % keys.length]] = generated(next(), depth + 1);
            }
            return object;
        }
    }
}

describe("plain properties for a pack in this process", () => {
    it("are the values a Struct gives back, keys in its order, for plain values", () => {
        for (let seed = 1; seed <= 400; seed++) {
            const inputs = { spec: generated(seed), metadata: { name: `x${seed}`, labels: { z: "1", a: "2", "10": "3", "9": "4" } } };
            const [plain, struct] = [viaPlain(inputs), viaStruct(inputs)];
            expect({ seed, read: keyOrder("value" in plain ? plain.value : plain) }).toEqual({ seed, read: keyOrder("value" in struct ? struct.value : struct) });
            expect("value" in plain).toBe(true);
        }
    });

    it("leave anything not plain to a Struct: the same value, or the same error", () => {
        class Box { constructor(readonly inside = 1) {} }
        const withProto = JSON.parse('{"__proto__": {"polluted": true}, "kept": 1}') as Record<string, unknown>;
        const inherited = Object.assign(Object.create({ inheritedKey: "from the prototype" }), { own: 1 }) as Record<string, unknown>;
        const cases: Array<Record<string, unknown>> = [
            { missing: undefined },
            { list: [1, undefined, 3] },
            { holes: [1, , 3] }, // eslint-disable-line no-sparse-arrays
            { box: new Box() },
            { when: new Date(0) },
            { call: () => 1 },
            withProto,
            { nested: withProto },
            inherited,
            { big: BigInt(1) },
        ];
        for (const inputs of cases) {
            const [plain, struct] = [viaPlain(inputs), viaStruct(inputs)];
            expect(keyOrder("value" in plain ? plain.value : plain)).toEqual(keyOrder("value" in struct ? struct.value : struct));
        }
        // Not plain: the request gets a real Struct, or the error building one throws.
        expect(() => new RequestParts(true).propertiesOf(resource({ missing: undefined }))).toThrow("Unexpected struct type");
        // Plain: nothing to encode, so a request that carries them cannot go over the wire.
        expect(() => new RequestParts(true).propertiesOf(resource({ a: 1 })).serializeBinary()).toThrow("cannot be encoded");
        expect(Struct.deserializeBinary(new RequestParts().propertiesOf(resource({ a: 1 })).serializeBinary()).toJavaScript()).toEqual({ a: 1 });
    });
});
