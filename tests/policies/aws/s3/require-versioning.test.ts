import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/s3/require-versioning";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const V = "aws:s3/bucketVersioning:BucketVersioning";
const versioning: aws.s3.BucketVersioningArgs = { bucket: "app-data", versioningConfiguration: { status: "Enabled" } };

describe("aws-s3-require-versioning", () => {
    it("passes a bucket with versioning enabled", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data" } }, { type: V, name: "data-v", props: versioning }]).violations).toEqual([]);
    });
    it("fires on suspended versioning and on none", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: { bucket: "app-data" } },
            { type: V, name: "data-v", props: { ...versioning, versioningConfiguration: { status: "Suspended" } } },
            { type: "aws:s3/bucketV2:BucketV2", name: "bare", props: {} },
        ]);
        expect(verdict.violations).toHaveLength(2);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "data"), urnOf("aws:s3/bucketV2:BucketV2", "bare")]);
    });
    it("judges each bucket on its own when one versioning status is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: { bucket: "app-data" } },
            { type: V, name: "data-v", props: { bucket: UNKNOWN, versioningConfiguration: { status: UNKNOWN } }, propertyDependencies: { bucket: [urnOf(BUCKET, "data")] } },
            { type: BUCKET, name: "kept", props: { bucket: "app-kept" } },
            { type: V, name: "kept-v", props: { ...versioning, bucket: UNKNOWN }, propertyDependencies: { bucket: [urnOf(BUCKET, "kept")] } },
            { type: BUCKET, name: "bare", props: { bucket: "app-bare" } },
        ]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "bare")]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUCKET, "data")]);
    });
    it("leaves a reference unknown during preview to the SDK", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: {} }, { type: V, name: "v", props: { ...versioning, bucket: UNKNOWN } }]).unknown).toBeDefined();
    });

    it("reads an inline setting unknown during preview only when no BucketVersioning enables versioning", () => {
        const linked = { propertyDependencies: { bucket: [urnOf(BUCKET, "data")] } };
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data", versioning: UNKNOWN } }, { type: V, name: "v", props: { ...versioning, bucket: UNKNOWN }, ...linked }])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data", versioning: UNKNOWN } }]).unknownUrns).toEqual([urnOf(BUCKET, "data")]);
    });
});
