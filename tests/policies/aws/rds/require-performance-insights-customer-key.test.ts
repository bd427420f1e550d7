import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-performance-insights-customer-key";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const CLUSTER = "aws:rds/cluster:Cluster";
const instance: aws.rds.ClusterInstanceArgs = {
    clusterIdentifier: "app-db", instanceClass: "db.r6g.large", engine: "aurora-postgresql",
    performanceInsightsEnabled: true, performanceInsightsKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc",
};

describe("aws-rds-require-performance-insights-customer-key", () => {
    it("passes Performance Insights with a customer-managed key, also one unknown during preview, and Performance Insights off", () => {
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: instance }).violations).toEqual([]);
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...instance, performanceInsightsKmsKeyId: UNKNOWN } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...instance, performanceInsightsEnabled: false, performanceInsightsKmsKeyId: undefined } }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: { instanceClass: "db.t4g.micro" } }).violations).toEqual([]);
    });
    it("fires when Performance Insights uses the AWS managed key (key omitted), on every RDS type", () => {
        const props = { ...instance, performanceInsightsKmsKeyId: undefined };
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, name: "app-db-0", props }).violations)
            .toEqual(["RDS cluster instance 'app-db-0' (Performance Insights) sets no performanceInsightsKmsKeyId, so it is encrypted with the AWS managed key aws/rds: set performanceInsightsKmsKeyId to a customer-managed KMS key."]);
        expect(checkResource(policy, { type: INSTANCE, props: { instanceClass: "db.t4g.micro", performanceInsightsEnabled: true } }).violations).toEqual([expect.stringContaining("RDS instance")]);
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "postgres", performanceInsightsEnabled: true, performanceInsightsKmsKeyId: "" } }).violations).toEqual([expect.stringContaining("RDS cluster")]);
    });
    it("fires on the AWS managed key named by alias", () => {
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...instance, performanceInsightsKmsKeyId: "alias/aws/rds" } }).violations).toEqual([expect.stringContaining("AWS managed key alias")]);
    });
    it("is unknown when the Performance Insights switch is unknown during preview", () => {
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...instance, performanceInsightsEnabled: UNKNOWN, performanceInsightsKmsKeyId: undefined } }).unknown).toBeDefined();
    });
    it("ignores an unrelated value unknown during preview", () => {
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...instance, clusterIdentifier: UNKNOWN, performanceInsightsKmsKeyId: undefined } }).violations).toHaveLength(1);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: INSTANCE, name: "reporting", props: { performanceInsightsEnabled: true }, config: { exemptions: [{ resource: "reporting", reason: "aws/rds accepted for reporting" }] } }).notApplicable)
            .toContain("aws/rds accepted for reporting");
    });
});
