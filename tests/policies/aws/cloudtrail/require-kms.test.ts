import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudtrail/require-kms";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:cloudtrail/trail:Trail";
const trail: aws.cloudtrail.TrailArgs = { s3BucketName: "audit-logs", isMultiRegionTrail: true, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };

describe("aws-cloudtrail-require-kms", () => {
    it("passes a trail encrypted with a KMS key", () => expect(checkResource(policy, { type: T, props: trail }).violations).toEqual([]));
    it("passes a key unknown during preview: only its presence is judged", () => {
        expect(checkResource(policy, { type: T, props: { ...trail, kmsKeyId: UNKNOWN } })).toEqual({ violations: [] });
    });
    it("fires when kmsKeyId is omitted", () => {
        const { kmsKeyId: _, ...rest } = trail;
        expect(checkResource(policy, { type: T, name: "audit", props: rest }).violations)
            .toEqual([expect.stringContaining("CloudTrail trail 'audit' sets no kmsKeyId")]);
    });
    it("is exempted by config", () => {
        const { kmsKeyId: _, ...rest } = trail;
        expect(checkResource(policy, { type: T, name: "sandbox-trail", props: rest, config: { exemptions: [{ resource: "sandbox-*", reason: "no production data" }] } }).notApplicable).toBeDefined();
    });
});
