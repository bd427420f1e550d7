import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/neptune/require-backup-retention";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:neptune/cluster:Cluster";
const cluster: aws.neptune.ClusterArgs = { engine: "neptune", backupRetentionPeriod: 30 };

describe("aws-neptune-require-backup-retention", () => {
    it("passes 30 days", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires below the minimum", () => expect(checkResource(policy, { type: T, name: "graph", props: { ...cluster, backupRetentionPeriod: 7 } }).violations)
        .toEqual([expect.stringContaining("Neptune cluster 'graph' sets backupRetentionPeriod to 7 day(s), below the minimum 30")]));
    it("fires when omitted (1 day)", () => expect(checkResource(policy, { type: T, props: { engine: "neptune" } }).violations)
        .toEqual([expect.stringContaining("omits backupRetentionPeriod, so Neptune keeps backups 1 day")]));
    it("reports a retention above the 35 days Neptune accepts as invalid", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: 36 } }).violations)
        .toEqual([expect.stringContaining("which Neptune rejects (at most 35)")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: "daily" } }).violations).toEqual([expect.stringContaining("not a whole number")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: UNKNOWN } }).unknown).toBeDefined());
    it("takes the minimum from config", () => {
        expect(checkResource(policy, { type: T, props: cluster, config: { minimumDays: 35 } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: { ...cluster, backupRetentionPeriod: 7 }, config: { minimumDays: 7 } }).violations).toEqual([]);
    });
});
