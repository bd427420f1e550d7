import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elasticache/require-automatic-failover";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const group: aws.elasticache.ReplicationGroupArgs = { description: "cache", engine: "redis", nodeType: "cache.r7g.large", numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: true };
const sharded: aws.elasticache.ReplicationGroupArgs = { description: "cache", engine: "valkey", nodeType: "cache.r7g.large", clusterMode: "enabled", numNodeGroups: 3, replicasPerNodeGroup: 1, automaticFailoverEnabled: true, multiAzEnabled: true };

describe("aws-elasticache-require-automatic-failover", () => {
    it("passes a Multi-AZ group with automatic failover and a replica, in either cluster mode", () => {
        expect(checkResource(policy, { type: GROUP, props: group }).violations).toEqual([]);
        expect(checkResource(policy, { type: GROUP, props: sharded }).violations).toEqual([]);
    });

    it("fires on automatic failover or Multi-AZ turned off", () => {
        expect(checkResource(policy, { type: GROUP, name: "cache", props: { ...group, automaticFailoverEnabled: false } }).violations)
            .toEqual([expect.stringContaining("ElastiCache replication group 'cache' sets automaticFailoverEnabled to false")]);
        expect(checkResource(policy, { type: GROUP, props: { ...group, multiAzEnabled: false } }).violations).toEqual([expect.stringContaining("sets multiAzEnabled to false")]);
    });

    it("fires on a single node, or a shard without a replica", () => {
        expect(checkResource(policy, { type: GROUP, props: { ...group, numCacheClusters: 1 } }).violations)
            .toEqual([expect.stringContaining("sets numCacheClusters to 1 cache cluster(s), below the minimum 2")]);
        expect(checkResource(policy, { type: GROUP, props: { ...sharded, replicasPerNodeGroup: 0 } }).violations)
            .toEqual([expect.stringContaining("sets replicasPerNodeGroup to 0 replica(s) per shard, below the minimum 1")]);
        expect(checkResource(policy, { type: GROUP, props: { ...group, numCacheClusters: 7 } }).violations).toEqual([expect.stringContaining("which ElastiCache rejects (at most 6)")]);
    });

    it("fires on each setting omitted (off, single node, no replica)", () => {
        const defaults: aws.elasticache.ReplicationGroupArgs = { description: "cache", engine: "redis", nodeType: "cache.t4g.small" };
        expect(checkResource(policy, { type: GROUP, props: defaults }).violations).toEqual([
            expect.stringContaining("omits automaticFailoverEnabled"),
            expect.stringContaining("omits multiAzEnabled"),
            expect.stringContaining("omits numCacheClusters, so the group has a single node"),
        ]);
        const { replicasPerNodeGroup: _, ...noReplicas } = sharded;
        expect(checkResource(policy, { type: GROUP, props: noReplicas }).violations).toEqual([expect.stringContaining("omits replicasPerNodeGroup, so each shard has no replica")]);
    });

    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: GROUP, props: { ...group, numCacheClusters: UNKNOWN } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the minimum nodes from config", () => {
        expect(checkResource(policy, { type: GROUP, props: group, config: { minimumNodes: 3 } }).violations).toEqual([expect.stringContaining("below the minimum 3")]);
        expect(checkResource(policy, { type: GROUP, props: { ...sharded, replicasPerNodeGroup: 2 }, config: { minimumNodes: 3 } }).violations).toEqual([]);
    });

    it("judges each setting apart: one unknown during preview hides no violation of another", () => {
        const props = { ...group, automaticFailoverEnabled: UNKNOWN as never, multiAzEnabled: false };
        expect(checkResource(policy, { type: GROUP, name: "cache", props }).violations).toEqual([expect.stringContaining("ElastiCache replication group 'cache' sets multiAzEnabled to false")]);
        expect(checkResource(policy, { type: GROUP, props: { ...group, automaticFailoverEnabled: UNKNOWN as never } }).unknown).toBeDefined();
    });
});
