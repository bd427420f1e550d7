import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-enhanced-monitoring";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const CLUSTER = "aws:rds/cluster:Cluster";
const ROLE = "arn:aws:iam::123456789012:role/rds-monitoring";
const member: aws.rds.ClusterInstanceArgs = { clusterIdentifier: "app-db", instanceClass: "db.r6g.large", engine: "aurora-postgresql", monitoringInterval: 60, monitoringRoleArn: ROLE };
const instance: aws.rds.InstanceArgs = { engine: "postgres", instanceClass: "db.t4g.medium", monitoringInterval: 15, monitoringRoleArn: ROLE };

describe("aws-rds-require-enhanced-monitoring", () => {
    it("passes an interval of 60 seconds or less with a role", () => {
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: member }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: instance }).violations).toEqual([]);
        const multiAz: aws.rds.ClusterArgs = { engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", monitoringInterval: 30, monitoringRoleArn: ROLE };
        expect(checkResource(policy, { type: CLUSTER, props: multiAz }).violations).toEqual([]);
    });

    it("accepts a role that is unknown during preview, as it will be set", () => {
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...member, monitoringRoleArn: UNKNOWN } }).violations).toEqual([]);
    });

    it("fires when monitoringInterval is omitted or 0 (Enhanced Monitoring off)", () => {
        const { monitoringInterval: _, ...omitted } = member;
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, name: "app-db-0", props: omitted }).violations)
            .toEqual([expect.stringContaining("RDS cluster instance 'app-db-0' omits monitoringInterval, so Enhanced Monitoring is off: set monitoringInterval to 1, 5, 10, 15, 30, 60 seconds")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, monitoringInterval: 0 } }).violations).toEqual([expect.stringContaining("sets monitoringInterval to 0")]);
    });

    it("fires on an interval RDS rejects, and on a value that is not a number", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, monitoringInterval: 120 } }).violations).toEqual([expect.stringContaining("sets monitoringInterval to 120, which RDS rejects")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, monitoringInterval: 20 } }).violations).toEqual([expect.stringContaining("which RDS rejects")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, monitoringInterval: "often" } }).violations).toEqual([expect.stringContaining("not a whole number")]);
    });

    it("fires on an interval without a monitoringRoleArn", () => {
        const { monitoringRoleArn: _, ...noRole } = instance;
        expect(checkResource(policy, { type: INSTANCE, name: "reporting", props: noRole }).violations)
            .toEqual([expect.stringContaining("RDS instance 'reporting' sets monitoringInterval but no monitoringRoleArn")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, monitoringRoleArn: "" } }).violations).toHaveLength(1);
    });

    it("judges only Multi-AZ DB clusters, not Aurora clusters", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "aurora-postgresql" } satisfies aws.rds.ClusterArgs }).violations).toEqual([]);
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "mysql", dbClusterInstanceClass: "db.m6gd.large" } satisfies aws.rds.ClusterArgs }).violations).toHaveLength(1);
    });

    it("reports an interval unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...member, monitoringInterval: UNKNOWN } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the longest interval from config, as a maximum", () => {
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: member, config: { maximumSeconds: 15 } }).violations)
            .toEqual([expect.stringContaining("sets monitoringInterval to 60 seconds, above the maximum 15: set monitoringInterval to 1, 5, 10, 15 seconds")]);
        expect(checkResource(policy, { type: INSTANCE, props: instance, config: { maximumSeconds: 15 } }).violations).toEqual([]);
    });
});
