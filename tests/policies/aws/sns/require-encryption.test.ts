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
});
