import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/redshift/require-snapshot-retention";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:redshift/cluster:Cluster";
const cluster: aws.redshift.ClusterArgs = { clusterIdentifier: "analytics", nodeType: "ra3.xlplus", automatedSnapshotRetentionPeriod: 30 };

describe("aws-redshift-require-snapshot-retention", () => {
    it("passes 30 days", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires below the minimum", () => expect(checkResource(policy, { type: T, name: "dw", props: { ...cluster, automatedSnapshotRetentionPeriod: 7 } }).violations)
        .toEqual([expect.stringContaining("Redshift cluster 'dw' sets automatedSnapshotRetentionPeriod to 7 day(s), below the minimum 30")]));
    it("fires on 0, which turns automated snapshots off", () => expect(checkResource(policy, { type: T, props: { ...cluster, automatedSnapshotRetentionPeriod: 0 } }).violations).toHaveLength(1));
    it("fires when omitted (1 day)", () => expect(checkResource(policy, { type: T, props: { clusterIdentifier: "analytics", nodeType: "ra3.xlplus" } }).violations)
        .toEqual([expect.stringContaining("omits automatedSnapshotRetentionPeriod, so Redshift keeps automated snapshots 1 day")]));
    it("reports a retention above the 35 days Redshift accepts as invalid", () => expect(checkResource(policy, { type: T, props: { ...cluster, automatedSnapshotRetentionPeriod: 90 } }).violations)
        .toEqual([expect.stringContaining("which Redshift rejects (at most 35)")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, automatedSnapshotRetentionPeriod: "monthly" } }).violations).toEqual([expect.stringContaining("not a whole number")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, automatedSnapshotRetentionPeriod: UNKNOWN } }).unknown).toBeDefined());
    it("takes the minimum from config", () => {
        expect(checkResource(policy, { type: T, props: cluster, config: { minimumDays: 35 } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: { ...cluster, automatedSnapshotRetentionPeriod: 14 }, config: { minimumDays: 14 } }).violations).toEqual([]);
    });
});
