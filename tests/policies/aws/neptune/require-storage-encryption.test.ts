import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/neptune/require-storage-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:neptune/cluster:Cluster";
const cluster: aws.neptune.ClusterArgs = { engine: "neptune", storageEncrypted: true };

describe("aws-neptune-require-storage-encryption", () => {
    it("passes an encrypted cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, name: "graph", props: { ...cluster, storageEncrypted: false } }).violations)
        .toEqual([expect.stringContaining("Neptune cluster 'graph' sets storageEncrypted to false")]));
    it("fires when omitted (unencrypted by default)", () => expect(checkResource(policy, { type: T, props: { engine: "neptune" } }).violations)
        .toEqual([expect.stringContaining("omits storageEncrypted, which Neptune leaves unencrypted")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: 1 } }).violations).toEqual([expect.stringContaining("not a boolean")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "scratch-graph", props: { engine: "neptune" }, config: { exemptions: [{ resource: "scratch-*", reason: "synthetic data only" }] } }).notApplicable)
        .toContain("synthetic data only"));
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        const withKey = { ...cluster, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: T, props: { ...cluster, kmsKeyArn: undefined } }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: T, props: withKey, config }).violations).toEqual([]);
            expect(checkResource(policy, { type: T, props: { ...withKey, kmsKeyArn: UNKNOWN }, config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key, omitted or named by alias", () => {
            expect(checkResource(policy, { type: T, name: "store", props: { ...cluster, kmsKeyArn: undefined }, config }).violations)
                .toEqual(["Neptune cluster 'store' sets no kmsKeyArn, so it is encrypted with the AWS managed key aws/rds: set kmsKeyArn to a customer-managed KMS key."]);
            expect(checkResource(policy, { type: T, props: { ...withKey, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/aws/rds" }, config }).violations)
                .toEqual([expect.stringContaining("sets kmsKeyArn to an AWS managed key alias")]);
        });
        it("reports only the missing encryption when encryption is off", () => {
            expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: false }, config }).violations).toHaveLength(1);
        });
    });
});
