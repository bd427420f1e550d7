import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-storage-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const CLUSTER = "aws:rds/cluster:Cluster";
const cluster: aws.rds.ClusterArgs = { engine: "aurora-postgresql", storageEncrypted: true };

describe("aws-rds-require-storage-encryption", () => {
    it("passes an encrypted cluster and instance", () => {
        expect(checkResource(policy, { type: CLUSTER, props: cluster }).violations).toEqual([]);
        const instance: aws.rds.InstanceArgs = { engine: "postgres", instanceClass: "db.t4g.small", storageEncrypted: true };
        expect(checkResource(policy, { type: "aws:rds/instance:Instance", props: instance }).violations).toEqual([]);
    });
    it("fires on storageEncrypted false", () => {
        expect(checkResource(policy, { type: CLUSTER, name: "db", props: { ...cluster, storageEncrypted: false } }).violations)
            .toEqual([expect.stringContaining("RDS cluster 'db' sets storageEncrypted to false")]);
    });
    it("fires when omitted (unencrypted by default)", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "aurora-postgresql" } }).violations).toEqual([expect.stringContaining("omits storageEncrypted")]);
    });
    it("skips Aurora Serverless v1, always encrypted, and read replicas, encrypted like their source", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "aurora-postgresql", engineMode: "serverless" } satisfies aws.rds.ClusterArgs }).violations).toEqual([]);
        const replica: aws.rds.InstanceArgs = { instanceClass: "db.t4g.small", replicateSourceDb: "app-db" };
        expect(checkResource(policy, { type: "aws:rds/instance:Instance", props: replica }).violations).toEqual([]);
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "aurora-postgresql", engineMode: "provisioned" } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: "aws:rds/instance:Instance", props: { ...replica, replicateSourceDb: "" } }).violations).toHaveLength(1);
    });
    it("judges Aurora global databases, except one built from an existing cluster, which takes its encryption", () => {
        const GLOBAL = "aws:rds/globalCluster:GlobalCluster";
        const global: aws.rds.GlobalClusterArgs = { globalClusterIdentifier: "app-global", engine: "aurora-postgresql", storageEncrypted: true };
        expect(checkResource(policy, { type: GLOBAL, props: global }).violations).toEqual([]);
        expect(checkResource(policy, { type: GLOBAL, name: "app-global", props: { ...global, storageEncrypted: false } }).violations)
            .toEqual([expect.stringContaining("RDS global cluster 'app-global' sets storageEncrypted to false")]);
        const { storageEncrypted: _, ...omitted } = global;
        expect(checkResource(policy, { type: GLOBAL, props: omitted }).violations).toEqual([expect.stringContaining("omits storageEncrypted")]);
        const fromCluster: aws.rds.GlobalClusterArgs = { globalClusterIdentifier: "app-global", sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:app-db" };
        expect(checkResource(policy, { type: GLOBAL, props: fromCluster }).violations).toEqual([]);
        expect(checkResource(policy, { type: GLOBAL, props: { ...global, storageEncrypted: UNKNOWN } }).unknown).toBeDefined();
    });
    it("fires on a malformed value without crashing", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, storageEncrypted: "yes" } }).violations).toEqual([expect.stringContaining("not a boolean")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, storageEncrypted: UNKNOWN } }).unknown).toBeDefined();
    });

    it("reads a replica's source, unknown during preview, only as set", () => {
        expect(checkResource(policy, { type: "aws:rds/instance:Instance", props: { engine: "postgres", instanceClass: "db.t4g.medium", replicateSourceDb: UNKNOWN } })).toEqual({ violations: [] });
    });
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        const withKey = { ...cluster, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, kmsKeyId: undefined } }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: CLUSTER, props: withKey, config }).violations).toEqual([]);
            expect(checkResource(policy, { type: CLUSTER, props: { ...withKey, kmsKeyId: UNKNOWN }, config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key, omitted or named by alias", () => {
            expect(checkResource(policy, { type: CLUSTER, name: "store", props: { ...cluster, kmsKeyId: undefined }, config }).violations)
                .toEqual(["RDS cluster 'store' sets no kmsKeyId, so it is encrypted with the AWS managed key aws/rds: set kmsKeyId to a customer-managed KMS key."]);
            expect(checkResource(policy, { type: CLUSTER, props: { ...withKey, kmsKeyId: "alias/aws/rds" }, config }).violations)
                .toEqual([expect.stringContaining("sets kmsKeyId to an AWS managed key alias")]);
        });
        it("reports only the missing encryption when encryption is off", () => {
            expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, storageEncrypted: false }, config }).violations).toHaveLength(1);
        });
    });
});
