import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/s3/require-public-access-block";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const block: aws.s3.BucketPublicAccessBlockArgs = { bucket: "app-data", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const account: aws.s3.AccountPublicAccessBlockArgs = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const bucket = { type: BUCKET, name: "data", props: { bucket: "app-data" } satisfies aws.s3.BucketArgs };

describe("aws-s3-require-public-access-block", () => {
    it("passes a bucket whose public access block turns all four settings on", () => {
        expect(checkStack(policy, [bucket, { type: BLOCK, name: "data-pab", props: block }]).violations).toEqual([]);
    });

    it("passes every bucket when the stack blocks public access account-wide", () => {
        expect(checkStack(policy, [bucket, { type: "aws:s3/bucketV2:BucketV2", name: "media", props: {} }, { type: ACCOUNT, name: "account-pab", props: account }]).violations).toEqual([]);
    });

    it("fires on a bucket without a block, on the bucket", () => {
        const verdict = checkStack(policy, [bucket]);
        expect(verdict.violations).toEqual([expect.stringContaining("S3 bucket 'data' has no public access block: add an aws.s3.BucketPublicAccessBlock with bucket: data.id")]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "data")]);
    });

    it("fires on each setting turned off or omitted (off by default), naming them", () => {
        const { restrictPublicBuckets: _, ...omitted } = block;
        expect(checkStack(policy, [bucket, { type: BLOCK, name: "data-pab", props: { ...block, blockPublicPolicy: false } }]).violations)
            .toEqual([expect.stringContaining("its public access block 'data-pab' leaves blockPublicPolicy off")]);
        expect(checkStack(policy, [bucket, { type: BLOCK, name: "data-pab", props: omitted }]).violations)
            .toEqual([expect.stringContaining("leaves restrictPublicBuckets off")]);
        expect(checkStack(policy, [bucket, { type: BLOCK, name: "data-pab", props: { bucket: "app-data" } }]).violations)
            .toEqual([expect.stringContaining("leaves blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off")]);
    });

    it("does not let a partial account-wide block stand in for a bucket's own", () => {
        const verdict = checkStack(policy, [bucket, { type: ACCOUNT, name: "account-pab", props: { ...account, ignorePublicAcls: false } }]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "data")]);
    });

    it("links the block through the dependency graph when the bucket name is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: {} },
            { type: BLOCK, name: "data-pab", props: { ...block, bucket: UNKNOWN }, propertyDependencies: { bucket: [urnOf(BUCKET, "data")] } },
            { type: BUCKET, name: "media", props: {} },
        ]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "media")]);
        expect(verdict.unknown).toBeUndefined();
    });

    it("reports a bucket unknown when its block's settings are unknown during preview, and judges the others", () => {
        const verdict = checkStack(policy, [
            bucket,
            { type: BLOCK, name: "data-pab", props: { ...block, ignorePublicAcls: UNKNOWN } },
            { type: BUCKET, name: "media", props: { bucket: "app-media" } },
        ]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUCKET, "data")]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "media")]);
    });

    it("reports a bucket unknown, not failing, when an account-wide block's settings are unknown during preview", () => {
        const verdict = checkStack(policy, [bucket, { type: ACCOUNT, name: "account-pab", props: { ...account, blockPublicAcls: UNKNOWN } }]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUCKET, "data")]);
        expect(verdict.violations).toEqual([]);
    });

    it("takes exemptions from config", () => {
        expect(checkStack(policy, [bucket], { exemptions: [{ resource: "data", reason: "public website, served through CloudFront next quarter" }] }).violations).toEqual([]);
    });
});
