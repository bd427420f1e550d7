import { resourcePolicy } from "../../lib/define";
import { describeDomain, SEARCH_DOMAIN_TYPES } from "../../lib/edge";
import { at, bool } from "../../lib/values";

export default resourcePolicy({
    name: "aws-opensearch-require-node-to-node-encryption",
    description: "OpenSearch domains encrypt traffic between their nodes with TLS.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Set nodeToNodeEncryption: { enabled: true } (it cannot be turned off once on).",
    tags: ["encryption"],
    resourceTypes: SEARCH_DOMAIN_TYPES,
    validate: ({ type, name, props }, _config, report) => {
        if (bool(at(props.nodeToNodeEncryption, "enabled")) !== true) {
            report(`${describeDomain(type, name)} does not encrypt traffic between its nodes: set nodeToNodeEncryption: { enabled: true }.`);
        }
    },
});
