import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/efs/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:efs/fileSystem:FileSystem";
const fs: aws.efs.FileSystemArgs = { encrypted: true };

describe("aws-efs-require-encryption", () => {
    it("passes an encrypted file system", () => expect(checkResource(policy, { type: T, props: fs }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, name: "f", props: { encrypted: false } }).violations).toEqual([expect.stringContaining("EFS file system 'f' sets encrypted to false")]));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: {} }).violations).toEqual([expect.stringContaining("omits encrypted")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { encrypted: UNKNOWN } }).unknown).toBeDefined());
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        const withKey = { ...fs, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: T, props: { ...fs, kmsKeyId: undefined } }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: T, props: withKey, config }).violations).toEqual([]);
            expect(checkResource(policy, { type: T, props: { ...withKey, kmsKeyId: UNKNOWN }, config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key, omitted or named by alias", () => {
            expect(checkResource(policy, { type: T, name: "store", props: { ...fs, kmsKeyId: undefined }, config }).violations)
                .toEqual(["EFS file system 'store' sets no kmsKeyId, so it is encrypted with the AWS managed key aws/elasticfilesystem: set kmsKeyId to a customer-managed KMS key."]);
            expect(checkResource(policy, { type: T, props: { ...withKey, kmsKeyId: "alias/aws/elasticfilesystem" }, config }).violations)
                .toEqual([expect.stringContaining("sets kmsKeyId to an AWS managed key alias")]);
        });
        it("reports only the missing encryption when encryption is off", () => {
            expect(checkResource(policy, { type: T, props: { ...fs, encrypted: false }, config }).violations).toHaveLength(1);
        });
    });
});
