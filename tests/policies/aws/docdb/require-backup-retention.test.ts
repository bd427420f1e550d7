import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/docdb/require-backup-retention";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:docdb/cluster:Cluster";
const cluster: aws.docdb.ClusterArgs = { engine: "docdb", backupRetentionPeriod: 30 };

describe("aws-docdb-require-backup-retention", () => {
    it("passes 30 days", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires below the minimum", () => expect(checkResource(policy, { type: T, name: "docs", props: { ...cluster, backupRetentionPeriod: 7 } }).violations)
        .toEqual([expect.stringContaining("DocumentDB cluster 'docs' sets backupRetentionPeriod to 7 day(s), below the minimum 30")]));
    it("fires when omitted (1 day)", () => expect(checkResource(policy, { type: T, props: { engine: "docdb" } }).violations).toEqual([expect.stringContaining("omits backupRetentionPeriod")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: "weekly" } }).violations).toEqual([expect.stringContaining("not a whole number")]));
    it("treats an empty list or string as omitted", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: [] } }).violations).toEqual([expect.stringContaining("omits backupRetentionPeriod")]));
    it("reports a retention above the 35 days DocumentDB accepts as invalid", () => expect(checkResource(policy, { type: T, name: "docs", props: { ...cluster, backupRetentionPeriod: 60 } }).violations)
        .toEqual([expect.stringContaining("DocumentDB cluster 'docs' sets backupRetentionPeriod to 60, which DocumentDB rejects (at most 35)")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: UNKNOWN } }).unknown).toBeDefined());
    it("takes the minimum from config", () => expect(checkResource(policy, { type: T, props: cluster, config: { minimumDays: 35 } }).violations).toHaveLength(1));
});
