import { resourcePolicy } from "../../lib/define";
import { describeDomain, SEARCH_DOMAIN_TYPES } from "../../lib/edge";
import { at, bool, given, integer } from "../../lib/values";

/** True when the domain runs one data node and nothing else: no zone awareness, no dedicated masters, no warm or standby nodes. */
function singleNode(clusterConfig: unknown): boolean {
    const count = given(at(clusterConfig, "instanceCount"));
    return (count === undefined || integer(count) === 1) // the service's default is one instance
        && bool(at(clusterConfig, "zoneAwarenessEnabled")) !== true
        && bool(at(clusterConfig, "dedicatedMasterEnabled")) !== true
        && bool(at(clusterConfig, "warmEnabled")) !== true
        && bool(at(clusterConfig, "multiAzWithStandbyEnabled")) !== true;
}

export default resourcePolicy({
    name: "aws-opensearch-require-node-to-node-encryption",
    description: "OpenSearch domains encrypt traffic between their nodes with TLS. A single-node domain (one instance, no zone awareness, dedicated master, warm or standby nodes) sends no traffic between nodes and is exempt by default (setting exemptSingleNodeDomains).",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Set nodeToNodeEncryption: { enabled: true } (it cannot be turned off once on). A single-node domain is exempt while exemptSingleNodeDomains is true; turn encryption on before adding nodes, since enabling it later needs a blue/green deployment.",
    tags: ["encryption"],
    config: {
        exemptSingleNodeDomains: {
            type: "boolean",
            default: true,
            description: "Exempt domains with a single node, which have no node-to-node traffic to encrypt. Default true: node-to-node encryption protects traffic between the nodes of a cluster (OpenSearch Service developer guide, \"Node-to-node encryption\"), which one node never sends; set false to require it anyway, so the domain is ready to grow.",
        },
    },
    resourceTypes: SEARCH_DOMAIN_TYPES,
    validate: ({ type, name, props }, config, report) => {
        if (bool(at(props.nodeToNodeEncryption, "enabled")) === true) {
            return;
        }
        if (config.exemptSingleNodeDomains && singleNode(props.clusterConfig)) {
            return;
        }
        report(`${describeDomain(type, name)} does not encrypt traffic between its nodes: set nodeToNodeEncryption: { enabled: true }.`);
    },
});
