import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/sqs/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:sqs/queue:Queue";
const queue: aws.sqs.QueueArgs = { sqsManagedSseEnabled: true };

describe("aws-sqs-require-encryption", () => {
    it("passes SQS managed encryption, a KMS key, and omitted (SSE-SQS by default)", () => {
        expect(checkResource(policy, { type: T, props: queue }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { kmsMasterKeyId: "alias/aws/sqs" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: {} }).violations).toEqual([]);
    });
    it("fires when managed encryption is off without a key", () => expect(checkResource(policy, { type: T, name: "jobs", props: { sqsManagedSseEnabled: false } }).violations)
        .toEqual([expect.stringContaining("SQS queue 'jobs' turns SQS managed encryption off")]));
    it("fires on a malformed key", () => expect(checkResource(policy, { type: T, props: { kmsMasterKeyId: 42 } }).violations).toHaveLength(1));
    it("requires a KMS key when configured", () => expect(checkResource(policy, { type: T, props: queue, config: { requireKmsKey: true } }).violations).toHaveLength(1));
    it("passes a key unknown during preview (one the program creates): only that a key is set decides", () => {
        const verdict = checkResource(policy, { type: T, props: { kmsMasterKeyId: UNKNOWN }, config: { requireKmsKey: true } });
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual([]);
    });
    it("reports unknown when sqsManagedSseEnabled, which then decides, is unknown", () => {
        expect(checkResource(policy, { type: T, props: { sqsManagedSseEnabled: UNKNOWN } }).unknown).toBeDefined();
    });
});
