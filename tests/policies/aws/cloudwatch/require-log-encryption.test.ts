import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-log-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:cloudwatch/logGroup:LogGroup";
const group: aws.cloudwatch.LogGroupArgs = { retentionInDays: 30, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };

describe("aws-cloudwatch-require-log-encryption", () => {
    it("passes a log group with a KMS key", () => {
        expect(checkResource(policy, { type: T, props: group }).violations).toEqual([]);
    });

    it("fires when kmsKeyId is omitted, naming the log group and the fix", () => {
        const { kmsKeyId: _omitted, ...plain } = group;
        expect(checkResource(policy, { type: T, name: "app-logs", props: plain }).violations)
            .toEqual([expect.stringContaining("log group 'app-logs' sets no kmsKeyId")]);
    });

    it("passes a key whose ARN is unknown during preview: the key is there, its ARN comes later", () => {
        const verdict = checkResource(policy, { type: T, props: { ...group, kmsKeyId: UNKNOWN } });
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknown).toBeUndefined();
    });

    it("accepts service-side encryption when configured to", () => {
        expect(checkResource(policy, { type: T, props: { retentionInDays: 30 }, config: { requireCustomerManagedKey: false } }).violations).toEqual([]);
    });
});
