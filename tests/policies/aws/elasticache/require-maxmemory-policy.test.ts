import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elasticache/require-maxmemory-policy";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";
const PARAMS = "aws:elasticache/parameterGroup:ParameterGroup";

const params = (value?: string, name = "app-cache-params"): StackResource => ({
    type: PARAMS, name,
    props: { name, family: "redis7", parameters: value === undefined ? [] : [{ name: "maxmemory-policy", value }] } satisfies aws.elasticache.ParameterGroupArgs,
});
const cache = (parameterGroupName?: string, linked = false): StackResource => ({
    type: GROUP, name: "app-cache",
    props: { description: "cache", engine: "redis", nodeType: "cache.r7g.large", numCacheClusters: 2, parameterGroupName } satisfies aws.elasticache.ReplicationGroupArgs,
    ...(linked ? { propertyDependencies: { parameterGroupName: [urnOf(PARAMS, "app-cache-params")] } } : {}),
});

describe("aws-elasticache-require-maxmemory-policy", () => {
    it("passes a cache whose parameter group sets an eviction policy, linked by the graph or by name", () => {
        expect(checkStack(policy, [params("allkeys-lru"), cache(UNKNOWN, true)]).violations).toEqual([]);
        expect(checkStack(policy, [params("allkeys-lfu"), cache("app-cache-params")]).violations).toEqual([]);
    });

    it("fires on the default parameter group, omitted or named", () => {
        const verdict = checkStack(policy, [cache()]);
        expect(verdict.violations).toEqual([expect.stringContaining("ElastiCache replication group 'app-cache' uses ElastiCache's default parameter group, whose maxmemory-policy (volatile-lru)")]);
        expect(verdict.urns).toEqual([urnOf(GROUP, "app-cache")]);
        expect(checkStack(policy, [cache("default.redis7")]).violations).toHaveLength(1);
    });

    it("fires on a parameter group without maxmemory-policy, or with noeviction", () => {
        expect(checkStack(policy, [params(), cache(UNKNOWN, true)]).violations).toEqual([
            "ElastiCache replication group 'app-cache' uses parameter group 'app-cache-params', which does not set maxmemory-policy: set maxmemory-policy to allkeys-lru in the group's parameters.",
        ]);
        expect(checkStack(policy, [params("noeviction"), cache("app-cache-params")]).violations).toEqual([expect.stringContaining("whose maxmemory-policy \"noeviction\" is not an accepted eviction policy")]);
    });

    it("judges single-node Redis clusters, not memcached nor members of a replication group", () => {
        const single: StackResource = { type: CLUSTER, name: "solo", props: { engine: "redis", nodeType: "cache.t4g.small" } satisfies aws.elasticache.ClusterArgs };
        const memcached: StackResource = { type: CLUSTER, name: "mc", props: { engine: "memcached", nodeType: "cache.t4g.small" } satisfies aws.elasticache.ClusterArgs };
        const member: StackResource = { type: CLUSTER, name: "member", props: { replicationGroupId: "app-cache" } satisfies aws.elasticache.ClusterArgs };
        expect(checkStack(policy, [single, memcached, member]).urns).toEqual([urnOf(CLUSTER, "solo")]);
    });

    it("does not judge a parameter group declared outside the stack", () => {
        expect(checkStack(policy, [cache("shared-cache-params")]).violations).toEqual([]);
    });

    it("reports only the cache whose parameter group is unknown during preview as unknown", () => {
        const other: StackResource = { ...cache(), name: "other" };
        const verdict = checkStack(policy, [cache(UNKNOWN), other]);
        expect(verdict.unknownUrns).toEqual([urnOf(GROUP, "app-cache")]);
        expect(verdict.urns).toEqual([urnOf(GROUP, "other")]);
    });

    it("accepts the default parameter group, or noeviction, when config says so", () => {
        expect(checkStack(policy, [cache()], { acceptDefaultParameterGroup: true }).violations).toEqual([]);
        expect(checkStack(policy, [params("noeviction"), cache("app-cache-params")], { allowedPolicies: ["noeviction"] }).violations).toEqual([]);
        expect(checkStack(policy, [params("volatile-lru"), cache("app-cache-params")], { allowedPolicies: ["allkeys-lru"] }).violations).toHaveLength(1);
    });

    it("skips a cluster whose replication group id, unknown during preview, is set", () => {
        const member: StackResource = { type: CLUSTER, name: "member", props: { clusterId: "app-cache-001", replicationGroupId: UNKNOWN } satisfies aws.elasticache.ClusterArgs };
        expect(checkStack(policy, [member])).toEqual({ violations: [], urns: [] });
    });
});
