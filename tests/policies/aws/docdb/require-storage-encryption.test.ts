import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/docdb/require-storage-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:docdb/cluster:Cluster";
const cluster: aws.docdb.ClusterArgs = { engine: "docdb", storageEncrypted: true };

describe("aws-docdb-require-storage-encryption", () => {
    it("passes an encrypted cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: false } }).violations).toHaveLength(1));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: { engine: "docdb" } }).violations).toEqual([expect.stringContaining("omits storageEncrypted")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: UNKNOWN } }).unknown).toBeDefined());
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        const withKey = { ...cluster, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: T, props: { ...cluster, kmsKeyId: undefined } }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: T, props: withKey, config }).violations).toEqual([]);
            expect(checkResource(policy, { type: T, props: { ...withKey, kmsKeyId: UNKNOWN }, config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key, omitted or named by alias", () => {
            expect(checkResource(policy, { type: T, name: "store", props: { ...cluster, kmsKeyId: undefined }, config }).violations)
                .toEqual(["DocumentDB cluster 'store' sets no kmsKeyId, so it is encrypted with the AWS managed key aws/rds: set kmsKeyId to a customer-managed KMS key."]);
            expect(checkResource(policy, { type: T, props: { ...withKey, kmsKeyId: "alias/aws/rds" }, config }).violations)
                .toEqual([expect.stringContaining("sets kmsKeyId to an AWS managed key alias")]);
        });
        it("reports only the missing encryption when encryption is off", () => {
            expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: false }, config }).violations).toHaveLength(1);
        });
    });
});
