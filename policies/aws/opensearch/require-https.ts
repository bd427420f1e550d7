import { resourcePolicy } from "../../lib/define";
import { describeDomain, SEARCH_DOMAIN_TYPES } from "../../lib/edge";
import { Parts } from "../../lib/unknowns";
import { bool, describeSetting, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-opensearch-require-https",
    description: "OpenSearch domains accept HTTPS only, with a TLS 1.2+ security policy.",
    priority: "P0",
    severity: "high",
    checklist: ["000.authentication-security.https-enforced", "004.data-security.encryption-in-transit", "004.network-security.tls-1-2"],
    remediationSteps: "Set domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\" }.",
    tags: ["transport-security"],
    resourceTypes: SEARCH_DOMAIN_TYPES,
    validate: ({ type, name, props }, _config, report) => {
        const where = describeDomain(type, name);
        const options = record(props.domainEndpointOptions);
        if (!options) {
            report(`${where} ${describeSetting("domainEndpointOptions", props.domainEndpointOptions)}, so it accepts plain HTTP: set domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" }.`);
            return;
        }
        // HTTPS and the TLS policy apart: one setting unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => {
            if (bool(options.enforceHttps) !== true) {
                parts.report(`${where} does not set domainEndpointOptions.enforceHttps: true, so it accepts plain HTTP: set it to true.`);
            }
        });
        parts.judge(() => {
            const policy = options.tlsSecurityPolicy;
            const value = text(policy);
            if (value === undefined) {
                parts.report(`${where} ${describeSetting("domainEndpointOptions.tlsSecurityPolicy", policy)}: set it explicitly to "Policy-Min-TLS-1-2-PFS-2023-10".`);
            } else if (!/^Policy-Min-TLS-1-[23]-/.test(value)) {
                parts.report(`${where} uses tlsSecurityPolicy '${value}', which accepts TLS below 1.2: set it to "Policy-Min-TLS-1-2-PFS-2023-10".`);
            }
        });
        parts.settle();
    },
});
