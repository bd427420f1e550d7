import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { describeDomain, SEARCH_DOMAIN_TYPES } from "../../lib/edge";
import { at, bool } from "../../lib/values";

export default resourcePolicy({
    name: "aws-opensearch-require-encryption-at-rest",
    description: "OpenSearch domains encrypt their indices, logs and snapshots at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "002.compliance-verification.data-encryption"],
    remediationSteps: "Set encryptAtRest: { enabled: true } and, for a key you control, kmsKeyId.",
    tags: ["encryption"],
    config: {
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: SEARCH_DOMAIN_TYPES,
    validate: ({ type, name, props }, config, report) => {
        if (bool(at(props.encryptAtRest, "enabled")) !== true) {
            report(`${describeDomain(type, name)} stores its data unencrypted: set encryptAtRest: { enabled: true }.`);
        } else if (config.requireCustomerManagedKey) {
            requireCustomerManagedKey(props.encryptAtRest, "kmsKeyId", describeDomain(type, name), "aws/es", report, "encryptAtRest.kmsKeyId");
        }
    },
});
