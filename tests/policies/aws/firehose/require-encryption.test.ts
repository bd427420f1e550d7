import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/firehose/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";
const s3 = { roleArn: "arn:aws:iam::123456789012:role/firehose", bucketArn: "arn:aws:s3:::archive" };
const direct: aws.kinesis.FirehoseDeliveryStreamArgs = { destination: "extended_s3", extendedS3Configuration: s3, serverSideEncryption: { enabled: true } };
const fromStream: aws.kinesis.FirehoseDeliveryStreamArgs = {
    destination: "extended_s3", extendedS3Configuration: s3,
    kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:us-east-1:123456789012:stream/events", roleArn: "arn:aws:iam::123456789012:role/firehose" },
};

describe("aws-firehose-require-encryption", () => {
    it("passes a DirectPut stream with encryption", () => expect(checkResource(policy, { type: T, props: direct }).violations).toEqual([]));
    it("passes a customer managed key", () => expect(checkResource(policy, { type: T, props: { ...direct, serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: "arn:aws:kms:us-east-1:123456789012:key/1" } } }).violations).toEqual([]));
    it("fires on enabled false", () => expect(checkResource(policy, { type: T, name: "clicks", props: { ...direct, serverSideEncryption: { enabled: false } } }).violations)
        .toEqual([expect.stringContaining("Firehose delivery stream 'clicks' sets serverSideEncryption.enabled to false")]));
    it("fires when omitted", () => {
        const { serverSideEncryption: _, ...rest } = direct;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([expect.stringContaining("omits serverSideEncryption.enabled, so Firehose buffers records unencrypted")]);
    });
    it("fires on a malformed block", () => expect(checkResource(policy, { type: T, props: { ...direct, serverSideEncryption: [true] } }).violations).toEqual([expect.stringContaining("not a block")]));
    it("does not judge a stream that reads from a Kinesis stream or MSK", () => {
        expect(checkResource(policy, { type: T, props: fromStream }).violations).toEqual([]);
        const fromMsk: aws.kinesis.FirehoseDeliveryStreamArgs = {
            destination: "extended_s3", extendedS3Configuration: s3,
            mskSourceConfiguration: { mskClusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/events/1", topicName: "events", authenticationConfiguration: { connectivity: "PRIVATE", roleArn: "arn:aws:iam::123456789012:role/firehose" } },
        };
        expect(checkResource(policy, { type: T, props: fromMsk }).violations).toEqual([]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...direct, serverSideEncryption: { enabled: UNKNOWN } } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "debug-clicks", props: { ...direct, serverSideEncryption: { enabled: false } }, config: { exemptions: [{ resource: "debug-*", reason: "no user data" }] } }).notApplicable)
        .toContain("no user data"));
});
