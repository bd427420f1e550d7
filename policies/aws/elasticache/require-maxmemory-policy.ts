import type { PolicyResource } from "@pulumi/policy";
import { graphTargets, indexByName, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { given, isDeclared, records, text } from "../../lib/values";

const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";
const PARAMETER_GROUP = "aws:elasticache/parameterGroup:ParameterGroup";

/** The eviction policy ElastiCache's default parameter groups (default.redis7, default.valkey8, ...) set. */
const DEFAULT_POLICY = "volatile-lru";

/** The maxmemory-policy a parameter group sets, or undefined. */
function maxmemoryPolicy(group: PolicyResource): string | undefined {
    const parameter = records(group.props.parameters).find((p) => text(p.name)?.trim().toLowerCase() === "maxmemory-policy");
    return parameter ? text(given(parameter.value))?.trim().toLowerCase() : undefined;
}

export default stackPolicy({
    name: "aws-elasticache-require-maxmemory-policy",
    description: "ElastiCache Redis OSS and Valkey replication groups and clusters use a parameter group of the stack that sets maxmemory-policy to an eviction policy, so a full cache evicts keys instead of failing writes. A parameter group declared outside the stack is not judged.",
    priority: "P2",
    severity: "low",
    checklist: ["004.database-optimization.redis-memory-policy"],
    remediationSteps: "Declare an aws.elasticache.ParameterGroup (family redis7 or valkey8) with parameters [{ name: \"maxmemory-policy\", value: \"allkeys-lru\" }] and set the cache's parameterGroupName to its name.",
    tags: ["availability"],
    config: {
        allowedPolicies: {
            type: "array", items: { type: "string" },
            default: ["allkeys-lru", "allkeys-lfu", "volatile-lru", "volatile-lfu", "allkeys-random", "volatile-random", "volatile-ttl"],
            description: "maxmemory-policy values accepted. Default: every eviction policy; 004 asks for a maxmemory policy \"e.g. allkeys-lru\". noeviction, which fails writes once memory is full, is left out: add it for a store that must never lose keys.",
        },
        acceptDefaultParameterGroup: {
            type: "boolean", default: false,
            description: "Accept ElastiCache's default parameter group (omitted parameterGroupName, or a default.* group), whose maxmemory-policy is volatile-lru: it evicts only keys with a TTL. Default false: 004 asks for the policy to be set deliberately.",
        },
    },
    resourceTypes: [REPLICATION_GROUP, CLUSTER, PARAMETER_GROUP],
    validate: (resources, config, report, context) => {
        const groups = ofTypes(resources, [PARAMETER_GROUP]);
        const { byName, unknownName } = indexByName(groups);
        const allowed = config.allowedPolicies.map((p) => p.toLowerCase());
        const fix = `set maxmemory-policy to ${config.allowedPolicies[0] ?? "allkeys-lru"}`;
        for (const cache of ofTypes(resources, [REPLICATION_GROUP, CLUSTER])) {
            context.judge(cache, () => {
                const kind = cache.type === CLUSTER ? "ElastiCache cluster" : "ElastiCache replication group";
                if (cache.type === CLUSTER && (text(cache.props.engine) === "memcached" || isDeclared(cache.props, "replicationGroupId"))) {
                    return; // memcached has no eviction policy; a member of a replication group uses its group's
                }
                const ref = graphTargets(cache, "parameterGroupName", groups);
                const named = ref.needsValue ? text(given(cache.props.parameterGroupName)) : undefined;
                if (ref.needsValue && (named === undefined || named.startsWith("default."))) {
                    if (!(config.acceptDefaultParameterGroup && allowed.includes(DEFAULT_POLICY))) {
                        report(`${kind} '${cache.name}' uses ElastiCache's default parameter group, whose maxmemory-policy (${DEFAULT_POLICY}) evicts only keys with a TTL: declare an aws.elasticache.ParameterGroup that sets maxmemory-policy (e.g. allkeys-lru) and set parameterGroupName to it.`, cache.urn);
                    }
                    return;
                }
                const attached = ref.needsValue ? byName.get(named!) ?? [] : ref.byGraph;
                if (attached.length === 0) {
                    if (unknownName !== undefined) {
                        throw unknownName; // a group whose name is unknown during preview may be this one
                    }
                    return; // a parameter group declared outside this stack: not ours to judge
                }
                const group = attached[0];
                const policy = maxmemoryPolicy(group);
                if (policy === undefined) {
                    report(`${kind} '${cache.name}' uses parameter group '${group.name}', which does not set maxmemory-policy: ${fix} in the group's parameters.`, cache.urn);
                } else if (!allowed.includes(policy)) {
                    report(`${kind} '${cache.name}' uses parameter group '${group.name}', whose maxmemory-policy "${policy}" is not an accepted eviction policy: ${fix}.`, cache.urn);
                }
            });
        }
    },
});
