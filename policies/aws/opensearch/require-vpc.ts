import { resourcePolicy } from "../../lib/define";
import { describeDomain, SEARCH_DOMAIN_TYPES } from "../../lib/edge";
import { describeType, given, record } from "../../lib/values";

export default resourcePolicy({
    name: "aws-opensearch-require-vpc",
    description: "OpenSearch and Elasticsearch domains run inside a VPC (vpcOptions with subnets), so their endpoint has no public address and security groups decide who reaches it.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.network-configuration", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Set vpcOptions: { subnetIds: [<private subnets>], securityGroupIds: [<a group admitting HTTPS from the application only>] } (a domain cannot move into a VPC after creation: it is replaced).",
    tags: ["network"],
    resourceTypes: SEARCH_DOMAIN_TYPES,
    validate: ({ type, name, props }, _config, report) => {
        const where = describeDomain(type, name);
        const vpc = given(props.vpcOptions);
        if (vpc === undefined) {
            report(`${where} omits vpcOptions, so its endpoint is public and only its access policy guards it: set vpcOptions: { subnetIds: [<private subnets>], securityGroupIds: [...] }.`);
            return;
        }
        if (record(vpc) === undefined) {
            report(`${where} sets vpcOptions to ${describeType(vpc)}, not an object: set vpcOptions: { subnetIds: [<private subnets>] }.`);
        } else if (given(record(vpc)!.subnetIds) === undefined) {
            report(`${where} sets vpcOptions without subnetIds, so the domain is not placed in the VPC: set vpcOptions.subnetIds to private subnets.`);
        }
    },
});
