import { requireAtLeast, requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { describeDomain, SEARCH_DOMAIN_TYPES } from "../../lib/edge";
import { Parts } from "../../lib/unknowns";
import { bool, describeType, given, integer, record } from "../../lib/values";

/** The most data nodes a domain can have (with the service's raised limit). */
const MAXIMUM_DATA_NODES = 1002;

export default resourcePolicy({
    name: "aws-opensearch-require-zone-awareness",
    description: "OpenSearch and Elasticsearch domains with more than one data node spread them across Availability Zones (zone awareness), and domains with several data nodes (3 by default) elect their cluster manager among at least three dedicated master nodes, so losing a zone or a node does not take the domain down.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.high-risk-scenarios.database-outage"],
    remediationSteps: "Set clusterConfig: { zoneAwarenessEnabled: true, zoneAwarenessConfig: { availabilityZoneCount: 3 }, dedicatedMasterEnabled: true, dedicatedMasterCount: 3, dedicatedMasterType: ... } (or multiAzWithStandbyEnabled: true, which includes both).",
    tags: ["availability"],
    config: {
        dedicatedMasterFromDataNodes: {
            type: "integer", minimum: 2, maximum: MAXIMUM_DATA_NODES, default: 3,
            description: "Number of data nodes from which dedicated master nodes are required. Default 3: the OpenSearch Service best practices recommend three dedicated master nodes for production domains, so that a cluster surviving the loss of a node (002's failover of a data store) keeps a cluster manager; smaller development domains can do without.",
        },
    },
    resourceTypes: SEARCH_DOMAIN_TYPES,
    validate: ({ type, name, props }, config, report) => {
        const where = describeDomain(type, name);
        const cluster = given(props.clusterConfig);
        if (cluster !== undefined && record(cluster) === undefined) {
            report(`${where} sets clusterConfig to ${describeType(cluster)}, not an object: set clusterConfig with instanceCount and zoneAwarenessEnabled.`);
            return;
        }
        const settings = record(cluster) ?? {};
        const count = given(settings.instanceCount);
        const nodes = count === undefined ? 1 : integer(count); // the service's default is one data node
        if (nodes === undefined) {
            report(`${where} sets clusterConfig.instanceCount to ${describeType(count)}, not a whole number: set it to the number of data nodes.`);
            return;
        }
        if (nodes <= 1) {
            return; // a single node has nothing to spread
        }
        // Multi-AZ with standby spreads the nodes over three zones and runs dedicated masters by itself.
        if (bool(given(settings.multiAzWithStandbyEnabled)) === true) {
            return;
        }
        // Zones and cluster managers apart: one setting unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => requireTrue(settings.zoneAwarenessEnabled, `${where} (${nodes} data nodes)`, "clusterConfig.zoneAwarenessEnabled",
            "so every node may run in one Availability Zone (the default is false)", "set clusterConfig.zoneAwarenessEnabled: true", parts.report));
        if (nodes >= config.dedicatedMasterFromDataNodes) {
            parts.judge(() => {
                requireTrue(settings.dedicatedMasterEnabled, `${where} (${nodes} data nodes)`, "clusterConfig.dedicatedMasterEnabled",
                    "so its data nodes also act as cluster managers (the default is false)", "set clusterConfig.dedicatedMasterEnabled: true with dedicatedMasterCount: 3", parts.report);
                if (bool(given(settings.dedicatedMasterEnabled)) === true) {
                    requireAtLeast(settings.dedicatedMasterCount, { where, property: "clusterConfig.dedicatedMasterCount", minimum: 3, unit: "dedicated master node(s)" }, parts.report);
                }
            });
        }
        parts.settle();
    },
});
