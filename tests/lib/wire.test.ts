import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { durationSeconds, downgradeReferences } from "../../src/analyzer/wire";
import { RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN } from "../../src/values";

describe("the wire format", () => {
    it("uses the SDK's own sentinels", () => {
        expect([UNKNOWN, SIG_KEY, SECRET_SIG, RESOURCE_SIG]).toEqual([rpc.unknownValue, rpc.specialSigKey, rpc.specialSecretSig, rpc.specialResourceSig]);
    });

    it("sends a custom resource reference as its ID (unknown before creation) and a component's as its URN", () => {
        const ref = (fields: Record<string, unknown>) => ({ [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:dev::p::t::n", ...fields });
        expect(downgradeReferences({ a: ref({ id: "" }), b: ref({ id: "i-1" }), c: ref({}), __internal: 1 }))
            .toEqual({ a: UNKNOWN, b: "i-1", c: "urn:pulumi:dev::p::t::n" });
    });

    it("reads Go durations as whole seconds", () => {
        expect([durationSeconds("1h30m"), durationSeconds("5m"), durationSeconds("1500ms"), durationSeconds("")]).toEqual([5400, 300, 1, 0]);
    });
});
