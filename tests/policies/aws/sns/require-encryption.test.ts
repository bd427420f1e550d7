import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/sns/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:sns/topic:Topic";
const topic: aws.sns.TopicArgs = { kmsMasterKeyId: "alias/aws/sns" };

describe("aws-sns-require-encryption", () => {
    it("passes a topic with a KMS key", () => expect(checkResource(policy, { type: T, props: topic }).violations).toEqual([]));
    it("fires when omitted (unencrypted) or empty", () => {
        expect(checkResource(policy, { type: T, name: "alerts", props: {} }).violations).toEqual([expect.stringContaining("SNS topic 'alerts' sets no kmsMasterKeyId")]);
        expect(checkResource(policy, { type: T, props: { kmsMasterKeyId: "" } }).violations).toHaveLength(1);
    });
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { kmsMasterKeyId: true } }).violations).toEqual([expect.stringContaining("not a key id")]));
    it("passes a key unknown during preview (one the program creates): only that a key is set decides", () => {
        const verdict = checkResource(policy, { type: T, props: { kmsMasterKeyId: UNKNOWN } });
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual([]);
    });
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: T, props: topic }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: T, props: { kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" }, config }).violations).toEqual([]);
            expect(checkResource(policy, { type: T, props: { kmsMasterKeyId: UNKNOWN }, config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key alias", () => {
            expect(checkResource(policy, { type: T, name: "orders", props: topic, config }).violations)
                .toEqual(["SNS topic 'orders' sets kmsMasterKeyId to an AWS managed key alias: set it to a customer-managed KMS key."]);
        });
        it("reports only the missing encryption when no key is set", () => {
            expect(checkResource(policy, { type: T, props: {}, config }).violations).toEqual([expect.stringContaining("stored unencrypted")]);
        });
    });
});
