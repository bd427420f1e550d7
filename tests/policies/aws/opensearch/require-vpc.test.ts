import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/opensearch/require-vpc";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:opensearch/domain:Domain";
const domain: aws.opensearch.DomainArgs = { engineVersion: "OpenSearch_2.13", vpcOptions: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: ["sg-1"] } };

describe("aws-opensearch-require-vpc", () => {
    it("passes a domain in a VPC", () => {
        expect(checkResource(policy, { type: T, props: domain }).violations).toEqual([]);
        const legacy: aws.elasticsearch.DomainArgs = { elasticsearchVersion: "7.10", vpcOptions: { subnetIds: ["subnet-1"] } };
        expect(checkResource(policy, { type: "aws:elasticsearch/domain:Domain", props: legacy }).violations).toEqual([]);
    });

    it("fires on a domain without vpcOptions (omitted: a public endpoint)", () => {
        expect(checkResource(policy, { type: T, name: "search", props: { engineVersion: "OpenSearch_2.13" } }).violations)
            .toEqual([expect.stringContaining("OpenSearch domain 'search' omits vpcOptions, so its endpoint is public")]);
        expect(checkResource(policy, { type: "aws:elasticsearch/domain:Domain", name: "logs", props: { elasticsearchVersion: "7.10" } }).violations)
            .toEqual([expect.stringContaining("Elasticsearch domain 'logs' omits vpcOptions")]);
    });

    it("fires on vpcOptions without subnets, or malformed", () => {
        expect(checkResource(policy, { type: T, props: { ...domain, vpcOptions: { securityGroupIds: ["sg-1"], subnetIds: [] } } }).violations).toEqual([expect.stringContaining("without subnetIds")]);
        expect(checkResource(policy, { type: T, props: { ...domain, vpcOptions: "vpc-1" } }).violations).toEqual([expect.stringContaining("not an object")]);
    });

    it("reports subnets unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: T, props: { ...domain, vpcOptions: { subnetIds: UNKNOWN } } }).unknown).toBeDefined();
    });

    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "public-docs-search", props: { engineVersion: "OpenSearch_2.13" }, config: { exemptions: [{ resource: "public-docs-*", reason: "public documentation index behind a signed-request proxy" }] } }).notApplicable)
            .toContain("public documentation index");
    });
});
