import { stackPolicy } from "../../lib/define";
import { ENDPOINT_TYPES, indexEndpoints, publicEndpoints } from "../../lib/endpoints";

export default stackPolicy({
    name: "aws-route53-require-endpoint-records",
    description: "Every public endpoint (internet-facing load balancer, CloudFront distribution, API Gateway API through its custom domain) has a Route 53 record of the stack pointing at it, so users reach it by the production domain.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.domain", "003.domain-ssl-tls.domain-name", "003.domain-ssl-tls.dns-records"],
    remediationSteps: "Add an aws.route53.Record in the domain's hosted zone: an alias A/AAAA record to the load balancer's dnsName/zoneId or the distribution's domainName/hostedZoneId (for an API, to its aws.apigateway.DomainName mapped to the API), or a CNAME to it.",
    tags: ["network"],
    resourceTypes: ENDPOINT_TYPES,
    validate: (resources, _config, report, context) => {
        const endpoints = publicEndpoints(resources);
        if (endpoints.length === 0) {
            return;
        }
        const index = indexEndpoints(resources, endpoints);
        for (const endpoint of endpoints) {
            context.judge(endpoint.resource, () => {
                if (endpoint.unknown !== undefined) {
                    throw endpoint.unknown;
                }
                if (index.records(endpoint.resource).length > 0) {
                    return;
                }
                if (index.unplacedRecord !== undefined) {
                    throw index.unplacedRecord;
                }
                const api = endpoint.resource.type.includes("apigateway");
                report(`${endpoint.what} is public but no Route 53 record of the stack points at it, so users reach it only by its AWS-generated name: add an aws.route53.Record ${api ? "aliasing a custom domain (aws.apigateway.DomainName with a base path mapping to the API)" : "aliasing it (alias { name, zoneId, evaluateTargetHealth: true })"} in the production domain's hosted zone.`, endpoint.resource.urn);
            });
        }
    },
});
