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

    it("fires on a configuration or an inline setting whose sseAlgorithm is missing or not one S3 accepts", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: bucket },
            { type: SSE, name: "data-sse", props: { ...sse, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:rsa" } }] } },
            { type: BUCKET, name: "logs", props: { bucket: "app-logs" } },
            { type: SSE, name: "logs-sse", props: { bucket: "app-logs", rules: [{ bucketKeyEnabled: true }] } },
            { type: BUCKET, name: "inline", props: { bucket: "app-inline", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "" } } } } },
        ]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("S3 bucket 'data': its encryption configuration 'data-sse' sets sseAlgorithm 'aws:kms:rsa', not one of AES256, aws:kms, aws:kms:dsse"),
            expect.stringContaining("S3 bucket 'logs': its encryption configuration 'logs-sse' declares no applyServerSideEncryptionByDefault rule"),
            expect.stringContaining("S3 bucket 'inline': its inline serverSideEncryptionConfiguration sets no sseAlgorithm"),
        ]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "data"), urnOf(BUCKET, "logs"), urnOf(BUCKET, "inline")]);
    });

    it("accepts DSSE-KMS, and only the algorithms configured", () => {
        const dsse: aws.s3.BucketServerSideEncryptionConfigurationArgs = { ...sse, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse" } }] };
        const aes: aws.s3.BucketServerSideEncryptionConfigurationArgs = { ...sse, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] };
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }, { type: SSE, name: "data-sse", props: dsse }]).violations).toEqual([]);
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }, { type: SSE, name: "data-sse", props: aes }], { allowedAlgorithms: ["aws:kms", "aws:kms:dsse"] }).violations)
            .toEqual([expect.stringContaining("sets sseAlgorithm 'AES256', not one of aws:kms, aws:kms:dsse")]);
    });

    it("judges each bucket on its own: only the bucket whose configuration is unknown during preview is unknown", () => {
        const resources = [
            { type: BUCKET, name: "unknown", props: { bucket: "app-unknown" } },
            { type: SSE, name: "unknown-sse", props: { ...sse, bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } }] }, propertyDependencies: { bucket: [urnOf(BUCKET, "unknown")] } },
            { type: BUCKET, name: "good", props: { bucket: "app-good" } },
            { type: SSE, name: "good-sse", props: { ...sse, bucket: UNKNOWN }, propertyDependencies: { bucket: [urnOf(BUCKET, "good")] } },
            { type: BUCKET, name: "bad", props: { bucket: "app-bad" } },
        ];
        const verdict = checkStack(policy, resources);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "bad")]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUCKET, "unknown")]);
    });

    it("leaves a reference unknown during preview to the SDK", () => {
        const verdict = checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }, { type: SSE, name: "data-sse", props: { ...sse, bucket: UNKNOWN } }]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("accepts the S3 default encryption when configured to", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: bucket }], { acceptDefaultEncryption: true }).violations).toEqual([]);
    });

    it("reads an inline setting unknown during preview only when no linked configuration qualifies", () => {
        const linked = { propertyDependencies: { bucket: [urnOf(BUCKET, "data")] } };
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { ...bucket, serverSideEncryptionConfiguration: UNKNOWN } }, { type: SSE, name: "sse", props: { ...sse, bucket: UNKNOWN }, ...linked }])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { ...bucket, serverSideEncryptionConfiguration: UNKNOWN } }]).unknownUrns).toEqual([urnOf(BUCKET, "data")]);
    });
});
