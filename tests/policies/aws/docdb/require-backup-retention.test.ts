import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/docdb/require-backup-retention";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:docdb/cluster:Cluster";
const cluster: aws.docdb.ClusterArgs = { engine: "docdb", backupRetentionPeriod: 30 };

describe("aws-docdb-require-backup-retention", () => {
    it("passes 30 days", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires below the minimum", () => expect(checkResource(policy, { type: T, name: "docs", props: { ...cluster, backupRetentionPeriod: 7 } }).violations)
        .toEqual([expect.stringContaining("DocumentDB cluster 'docs' keeps backups 7 day(s)")]));
    it("fires when omitted (1 day)", () => expect(checkResource(policy, { type: T, props: { engine: "docdb" } }).violations).toEqual([expect.stringContaining("omits backupRetentionPeriod")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: [] } }).violations).toEqual([expect.stringContaining("not a number")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: UNKNOWN } }).unknown).toBeDefined());
    it("takes the minimum from config", () => expect(checkResource(policy, { type: T, props: cluster, config: { minimumDays: 35 } }).violations).toHaveLength(1));
});
