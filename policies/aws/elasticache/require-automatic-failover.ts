import { requireAtLeast, requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { given, isGiven, text } from "../../lib/values";

/** The largest group ElastiCache accepts: 6 cache clusters (cluster mode off), 5 replicas per shard (cluster mode on). */
const MAXIMUM_CACHE_CLUSTERS = 6;
const MAXIMUM_REPLICAS = 5;

export default resourcePolicy({
    name: "aws-elasticache-require-automatic-failover",
    description: "ElastiCache replication groups keep a replica in another availability zone and promote it on their own when the primary fails: automaticFailoverEnabled and multiAzEnabled on, with at least 2 cache clusters (cluster mode off) or at least 1 replica per shard (cluster mode on).",
    priority: "P1",
    severity: "medium",
    checklist: ["002.high-risk-scenarios.database-outage"],
    remediationSteps: "Set automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters: 2 or more (or replicasPerNodeGroup: 1 or more in cluster mode).",
    tags: ["availability"],
    config: {
        minimumNodes: {
            type: "integer", minimum: 2, maximum: MAXIMUM_CACHE_CLUSTERS, default: 2,
            description: "Minimum nodes per shard, the primary included. Default 2: one replica to fail over to, as 002 asks for database failover; ElastiCache needs 2 for automatic failover.",
        },
    },
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    validate: ({ name, props }, config, report) => {
        const where = `ElastiCache replication group '${name}'`;
        // Each setting on its own: one unknown during preview hides no violation of another.
        const parts = new Parts(report);
        parts.judge(() => requireTrue(props.automaticFailoverEnabled, where, "automaticFailoverEnabled", "which ElastiCache leaves off", "set automaticFailoverEnabled: true", parts.report));
        parts.judge(() => requireTrue(props.multiAzEnabled, where, "multiAzEnabled", "which ElastiCache leaves off", "set multiAzEnabled: true", parts.report));
        parts.judge(() => {
            const clusterMode = text(given(props.clusterMode)) === "enabled" || isGiven(props.numNodeGroups) || isGiven(props.replicasPerNodeGroup);
            if (clusterMode) {
                requireAtLeast(props.replicasPerNodeGroup, {
                    where, property: "replicasPerNodeGroup", minimum: config.minimumNodes - 1, unit: "replica(s) per shard",
                    omitted: "so each shard has no replica", accepted: { maximum: MAXIMUM_REPLICAS, by: "ElastiCache" },
                }, parts.report);
            } else {
                requireAtLeast(props.numCacheClusters, {
                    where, property: "numCacheClusters", minimum: config.minimumNodes, unit: "cache cluster(s)",
                    omitted: "so the group has a single node", accepted: { maximum: MAXIMUM_CACHE_CLUSTERS, by: "ElastiCache" },
                }, parts.report);
            }
        });
        parts.settle();
    },
});
