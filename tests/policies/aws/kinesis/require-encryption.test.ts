import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/kinesis/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:kinesis/stream:Stream";
const stream: aws.kinesis.StreamArgs = { streamModeDetails: { streamMode: "ON_DEMAND" }, encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" };

describe("aws-kinesis-require-encryption", () => {
    it("passes KMS with a key", () => expect(checkResource(policy, { type: T, props: stream }).violations).toEqual([]));
    it("fires on NONE", () => expect(checkResource(policy, { type: T, name: "events", props: { ...stream, encryptionType: "NONE" } }).violations)
        .toEqual([expect.stringContaining("Kinesis stream 'events' sets encryptionType to \"NONE\"")]));
    it("fires when omitted (NONE)", () => expect(checkResource(policy, { type: T, props: { shardCount: 1 } }).violations).toEqual([expect.stringContaining("omits encryptionType")]));
    it("fires on KMS without a key, which Kinesis rejects", () => {
        const { kmsKeyId: _, ...rest } = stream;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([expect.stringContaining("without kmsKeyId")]);
        expect(checkResource(policy, { type: T, props: { ...stream, kmsKeyId: " " } }).violations).toEqual([expect.stringContaining("without kmsKeyId")]);
    });
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...stream, encryptionType: ["KMS"] } }).violations).toEqual([expect.stringContaining("not a string")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...stream, encryptionType: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "test-events", props: { shardCount: 1 }, config: { exemptions: [{ resource: "test-*", reason: "synthetic events" }] } }).notApplicable)
        .toContain("synthetic events"));

    it("reads a key id unknown during preview only as set", () => {
        expect(checkResource(policy, { type: T, props: { ...stream, kmsKeyId: UNKNOWN } })).toEqual({ violations: [] });
    });
});
