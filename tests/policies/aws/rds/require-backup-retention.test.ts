import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-backup-retention";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/instance:Instance";
const cluster: aws.rds.ClusterArgs = { engine: "aurora-postgresql", backupRetentionPeriod: 30 };
const instance: aws.rds.InstanceArgs = { engine: "postgres", instanceClass: "db.t4g.medium", allocatedStorage: 20, backupRetentionPeriod: 35 };

describe("aws-rds-require-backup-retention", () => {
    it("passes a cluster and an instance at or above 30 days", () => {
        expect(checkResource(policy, { type: CLUSTER, props: cluster }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: instance }).violations).toEqual([]);
    });

    it("fires on a retention below the minimum", () => {
        const { violations } = checkResource(policy, { type: CLUSTER, name: "db", props: { ...cluster, backupRetentionPeriod: 7 } });
        expect(violations).toEqual([expect.stringContaining("RDS cluster 'db' sets backupRetentionPeriod to 7 day(s), below the minimum 30")]);
    });

    it("fires when backupRetentionPeriod is omitted (AWS keeps 1 day)", () => {
        const { backupRetentionPeriod: _, ...rest } = instance;
        expect(checkResource(policy, { type: INSTANCE, props: rest }).violations).toEqual([expect.stringContaining("omits backupRetentionPeriod")]);
    });

    it("fires on a value that is not a number, without crashing", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, backupRetentionPeriod: "a month" } }).violations)
            .toEqual([expect.stringContaining("not a whole number")]);
    });

    it("reports a retention above the 35 days RDS accepts as invalid, not as passing", () => {
        expect(checkResource(policy, { type: CLUSTER, name: "db", props: { ...cluster, backupRetentionPeriod: 90 } }).violations)
            .toEqual([expect.stringContaining("RDS cluster 'db' sets backupRetentionPeriod to 90, which RDS rejects (at most 35)")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, backupRetentionPeriod: 36 } }).violations).toHaveLength(1);
    });

    it("treats an empty string as omitted", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, backupRetentionPeriod: "" } }).violations).toEqual([expect.stringContaining("omits backupRetentionPeriod")]);
    });

    it("does not require backups on a read replica, whose source keeps them, but still rejects an invalid value", () => {
        const replica: aws.rds.InstanceArgs = { instanceClass: "db.t4g.medium", replicateSourceDb: "app-db" };
        expect(checkResource(policy, { type: INSTANCE, props: replica }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...replica, backupRetentionPeriod: 7 } }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...replica, backupRetentionPeriod: 40 } }).violations).toEqual([expect.stringContaining("which RDS rejects")]);
    });

    it("accepts a numeric string", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, backupRetentionPeriod: "30" } }).violations).toEqual([]);
    });

    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: CLUSTER, props: { ...cluster, backupRetentionPeriod: UNKNOWN } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the minimum from config, as a minimum", () => {
        expect(checkResource(policy, { type: CLUSTER, props: cluster, config: { minimumDays: 35 } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, backupRetentionPeriod: 7 }, config: { minimumDays: 7 } }).violations).toEqual([]);
    });

    it("reads a replica's source, unknown during preview, only as set", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, backupRetentionPeriod: 0, replicateSourceDb: UNKNOWN } })).toEqual({ violations: [] });
    });
});
