import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/s3/require-encryption";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const bucket: aws.s3.BucketArgs = { bucket: "app-data" };
const sse: aws.s3.BucketServerSideEncryptionConfigurationArgs = { bucket: "app-data", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] };

describe("aws-s3-require-encryption", () => {
    it("passes a bucket with a separate encryption configuration, joined by name", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }, { type: SSE, name: "data-sse", props: sse }]).violations).toEqual([]);
    });

    it("passes a configuration joined through the dependency graph, the V2 aliases, and an inline setting", () => {
        const resources = [
            { type: "aws:s3/bucketV2:BucketV2", name: "logs", props: {} },
            { type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name: "logs-sse", props: { ...sse, bucket: "unrelated" }, dependencies: [urnOf("aws:s3/bucketV2:BucketV2", "logs")] },
            { type: BUCKET, name: "inline", props: { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } } },
        ];
        expect(checkStack(policy, resources).violations).toEqual([]);
    });

    it("fires on a bucket without configuration, with its URN", () => {
        const verdict = checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }, { type: SSE, name: "other-sse", props: { ...sse, bucket: "other" } }]);
        expect(verdict.violations).toEqual([expect.stringContaining("S3 bucket 'data' has no server-side encryption configuration")]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "data")]);
    });

    it("leaves a reference unknown during preview to the SDK", () => {
        const verdict = checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }, { type: SSE, name: "data-sse", props: { ...sse, bucket: UNKNOWN } }]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("accepts the S3 default encryption when configured to", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }], { acceptDefaultEncryption: true }).violations).toEqual([]);
    });
});
