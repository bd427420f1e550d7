import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elasticache/require-snapshot-retention";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";
const group: aws.elasticache.ReplicationGroupArgs = { description: "cache", engine: "redis", snapshotRetentionLimit: 7 };

describe("aws-elasticache-require-snapshot-retention", () => {
    it("passes 7 days of snapshots", () => expect(checkResource(policy, { type: RG, props: group }).violations).toEqual([]));
    it("fires on 0 (snapshots off)", () => expect(checkResource(policy, { type: RG, name: "c", props: { ...group, snapshotRetentionLimit: 0 } }).violations)
        .toEqual([expect.stringContaining("ElastiCache replication group 'c' sets snapshotRetentionLimit to 0 day(s), below the minimum 1")]));
    it("fires when omitted; skips memcached and replication group members", () => {
        expect(checkResource(policy, { type: RG, props: { description: "c" } }).violations).toEqual([expect.stringContaining("omits snapshotRetentionLimit")]);
        const memcached: aws.elasticache.ClusterArgs = { engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 1 };
        expect(checkResource(policy, { type: CLUSTER, props: memcached }).violations).toEqual([]);
        expect(checkResource(policy, { type: CLUSTER, props: { replicationGroupId: "app" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "redis", replicationGroupId: "" } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "redis" } }).violations).toHaveLength(1);
    });
    it("fires on a malformed value", () => expect(checkResource(policy, { type: RG, props: { ...group, snapshotRetentionLimit: "week" } }).violations).toEqual([expect.stringContaining("not a whole number")]));
    it("treats an empty string as omitted", () => expect(checkResource(policy, { type: RG, props: { ...group, snapshotRetentionLimit: "" } }).violations).toEqual([expect.stringContaining("omits snapshotRetentionLimit")]));
    it("reports a retention above the 35 days ElastiCache accepts as invalid", () => expect(checkResource(policy, { type: RG, props: { ...group, snapshotRetentionLimit: 90 } }).violations)
        .toEqual([expect.stringContaining("which ElastiCache rejects (at most 35)")]));
    it("reports unknown", () => expect(checkResource(policy, { type: RG, props: { ...group, snapshotRetentionLimit: UNKNOWN } }).unknown).toBeDefined());
    it("takes the minimum from config", () => expect(checkResource(policy, { type: RG, props: group, config: { minimumDays: 30 } }).violations).toHaveLength(1));

    it("skips a cluster whose replication group id, unknown during preview, is set", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { clusterId: "app-cache-001", replicationGroupId: UNKNOWN } })).toEqual({ violations: [] });
    });
});
