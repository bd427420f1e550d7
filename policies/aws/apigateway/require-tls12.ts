import { resourcePolicy } from "../../lib/define";
import { describeSetting, given, record, text } from "../../lib/values";

const REST = "aws:apigateway/domainName:DomainName";
const V2 = "aws:apigatewayv2/domainName:DomainName";

/**
 * API Gateway security policies that accept TLS 1.2 or newer only: TLS_1_2 and the enhanced
 * SecurityPolicy_TLS12_* / SecurityPolicy_TLS13_* policies. TLS_1_0 is the one that accepts TLS 1.0.
 */
export function acceptsOnlyTls12(policy: string): boolean {
    return policy === "TLS_1_2" || /^SecurityPolicy_TLS1[23]_/.test(policy);
}

export default resourcePolicy({
    name: "aws-apigateway-require-tls12",
    description: "API Gateway custom domain names (REST and HTTP/WebSocket APIs) use a TLS 1.2+ security policy.",
    priority: "P0",
    severity: "high",
    checklist: ["000.authentication-security.tls-1-2", "004.network-security.tls-1-2"],
    remediationSteps: "Set securityPolicy: \"TLS_1_2\" on aws.apigateway.DomainName, or domainNameConfiguration.securityPolicy: \"TLS_1_2\" on aws.apigatewayv2.DomainName.",
    tags: ["transport-security"],
    resourceTypes: [REST, V2],
    validate: ({ type, name, props }, _config, report) => {
        const where = `API Gateway domain name '${name}'`;
        let policy: unknown;
        let property: string;
        if (type === REST) {
            property = "securityPolicy";
            policy = given(props.securityPolicy);
            if (policy === undefined) {
                report(`${where} leaves securityPolicy unset, so API Gateway accepts TLS 1.0: set securityPolicy: "TLS_1_2".`);
                return;
            }
        } else {
            property = "domainNameConfiguration.securityPolicy";
            policy = given(record(props.domainNameConfiguration)?.securityPolicy);
        }
        const value = text(policy);
        if (value === undefined) {
            report(`${where} ${describeSetting(property, policy)}: set it to "TLS_1_2".`);
        } else if (!acceptsOnlyTls12(value)) {
            report(`${where} uses ${property} '${value}', which accepts TLS 1.0: set it to "TLS_1_2".`);
        }
    },
});
