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
        expect(violations).toEqual([expect.stringContaining("RDS cluster 'db' keeps backups 7 day(s), below the minimum 30")]);
    });

    it("fires when backupRetentionPeriod is omitted (AWS keeps 1 day)", () => {
        const { backupRetentionPeriod: _, ...rest } = instance;
        expect(checkResource(policy, { type: INSTANCE, props: rest }).violations).toEqual([expect.stringContaining("omits backupRetentionPeriod")]);
    });

    it("fires on a value that is not a number, without crashing", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { ...cluster, backupRetentionPeriod: "a month" } }).violations)
            .toEqual([expect.stringContaining("not a number of days")]);
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
});
