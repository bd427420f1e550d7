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
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        const withKey = { ...stream, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: T, props: stream }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: T, props: withKey, config }).violations).toEqual([]);
            expect(checkResource(policy, { type: T, props: { ...withKey, kmsKeyId: UNKNOWN }, config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key, named by alias (Kinesis requires a key to be named)", () => {
            expect(checkResource(policy, { type: T, name: "store", props: stream, config }).violations)
                .toEqual(["Kinesis stream 'store' sets kmsKeyId to an AWS managed key alias: set it to a customer-managed KMS key."]);
        });
        it("reports only the missing encryption when encryption is off", () => {
            expect(checkResource(policy, { type: T, props: { ...stream, encryptionType: "NONE" }, config }).violations).toHaveLength(1);
        });
    });
});
