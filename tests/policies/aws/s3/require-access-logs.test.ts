import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/s3/require-access-logs";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const LOGGING_V2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
const data: aws.s3.BucketArgs = { bucket: "app-data" };
const logs: aws.s3.BucketArgs = { bucket: "app-access-logs" };
const logging: aws.s3.BucketLoggingArgs = { bucket: "app-data", targetBucket: "app-access-logs", targetPrefix: "app-data/" };

describe("aws-s3-require-access-logs", () => {
    it("passes a bucket logging into an access-log bucket, which is exempt as the target", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: logging },
        ]);
        expect(verdict.violations).toEqual([]);
    });

    it("links a BucketLogging through the dependency graph when the names are unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: {} },
            { type: BUCKET, name: "access-logs", props: {} },
            { type: LOGGING_V2, name: "data-logging", props: { bucket: UNKNOWN, targetBucket: UNKNOWN, targetPrefix: "data/" },
                propertyDependencies: { bucket: [urnOf(BUCKET, "data")], targetBucket: [urnOf(BUCKET, "access-logs")] } },
        ]);
        expect(verdict).toMatchObject({ violations: [] });
        expect(verdict.unknown).toBeUndefined();
    });

    it("finds the target by its name when the engine sends only plain dependencies", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: {} },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: { ...logging, bucket: UNKNOWN }, dependencies: [urnOf(BUCKET, "data")] },
        ]);
        expect(verdict).toEqual({ violations: [], urns: [] });
    });

    it("accepts the inline logging of a Bucket and a BucketV2, and exempts their target", () => {
        const inline: aws.s3.BucketArgs = { bucket: "app-data", logging: { targetBucket: "app-access-logs", targetPrefix: "data/" } };
        const inlineV2: aws.s3.BucketV2Args = { bucket: "app-media", loggings: [{ targetBucket: "app-access-logs", targetPrefix: "media/" }] };
        expect(checkStack(policy, [
            { type: BUCKET, name: "data", props: inline },
            { type: BUCKET_V2, name: "media", props: inlineV2 },
            { type: BUCKET, name: "access-logs", props: logs },
        ]).violations).toEqual([]);
    });

    it("fires on a bucket without access logs, on the bucket", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: BUCKET_V2, name: "media", props: { bucket: "app-media" } },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: logging },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("S3 bucket 'media' records no server access logs: add an aws.s3.BucketLogging with bucket: media.id")]);
        expect(verdict.urns).toEqual([urnOf(BUCKET_V2, "media")]);
    });

    it("fires on a lone bucket, which is no log target, and on empty inline logging", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: data }]).urns).toEqual([urnOf(BUCKET, "data")]);
        const emptyInline: aws.s3.BucketV2Args = { bucket: "app-media", loggings: [] };
        expect(checkStack(policy, [{ type: BUCKET_V2, name: "media", props: emptyInline }]).violations).toHaveLength(1);
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { ...data, logging: { targetBucket: "" } } }]).violations).toHaveLength(1);
    });

    it("judges each bucket on its own when a reference is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: BUCKET, name: "media", props: { bucket: "app-media", logging: UNKNOWN } },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: logging },
        ]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUCKET, "media")]);
        expect(verdict.violations).toEqual([]);
    });

    it("leaves a BucketLogging whose bucket is unknown and unlinked to the SDK", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: LOGGING, name: "data-logging", props: { ...logging, bucket: UNKNOWN } },
        ]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes exemptions from config", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: data }], { exemptions: [{ resource: "data", reason: "scratch data, deleted daily" }] }).violations).toEqual([]);
    });
});
