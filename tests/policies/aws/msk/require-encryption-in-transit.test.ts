import policy from "../../../../policies/aws/msk/require-encryption-in-transit";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cluster, T } from "./fixtures";

const transit = (encryptionInTransit: object) => ({ ...cluster, encryptionInfo: { encryptionInTransit } });

describe("aws-msk-require-encryption-in-transit", () => {
    it("passes TLS between clients and brokers and inside the cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes when omitted (TLS and in-cluster encryption by default)", () => {
        const { encryptionInfo: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: transit({ clientBroker: "" }) }).violations).toEqual([]);
    });
    it("fires on TLS_PLAINTEXT and PLAINTEXT", () => {
        for (const clientBroker of ["TLS_PLAINTEXT", "PLAINTEXT"]) {
            expect(checkResource(policy, { type: T, name: "events", props: transit({ clientBroker }) }).violations)
                .toEqual([expect.stringContaining(`MSK cluster 'events' sets encryptionInfo.encryptionInTransit.clientBroker to "${clientBroker}"`)]);
        }
    });
    it("fires on inCluster false", () => expect(checkResource(policy, { type: T, props: transit({ clientBroker: "TLS", inCluster: false }) }).violations)
        .toEqual([expect.stringContaining("inCluster to false")]));
    it("fires on malformed values", () => expect(checkResource(policy, { type: T, props: transit({ clientBroker: 1, inCluster: "maybe" }) }).violations).toEqual([
        expect.stringContaining("not a string"), expect.stringContaining("not a boolean"),
    ]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: transit({ clientBroker: UNKNOWN }) }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "legacy-events", props: transit({ clientBroker: "TLS_PLAINTEXT" }), config: { exemptions: [{ resource: "legacy-*", reason: "clients move to TLS in May" }] } }).notApplicable)
        .toContain("clients move to TLS"));

    it("judges clients and brokers apart: one setting unknown during preview hides no violation of the other", () => {
        expect(checkResource(policy, { type: T, name: "events", props: transit({ clientBroker: UNKNOWN, inCluster: false }) }).violations)
            .toEqual([expect.stringContaining("encryptionInTransit.inCluster to false")]);
    });
});
