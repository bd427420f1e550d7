import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/route53/require-endpoint-records";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";
import { alb, aliasRecord, distribution, LOAD_BALANCER, RECORD, REST_API, restApi, DISTRIBUTION } from "./fixtures";

describe("aws-route53-require-endpoint-records", () => {
    it("passes endpoints that alias records point at, linked through the graph while DNS names are unknown", () => {
        const stack = [alb(), distribution, aliasRecord("apex", "shop.example.com", urnOf(LOAD_BALANCER, "alb")), aliasRecord("www", "www.shop.example.com", urnOf(DISTRIBUTION, "cdn"))];
        expect(checkStack(policy, stack)).toEqual({ violations: [], urns: [] });
    });
    it("fires on each public endpoint no record points at", () => {
        const verdict = checkStack(policy, [alb(), distribution, aliasRecord("apex", "shop.example.com", urnOf(LOAD_BALANCER, "alb"))]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' is public but no Route 53 record of the stack points at it")]);
        expect(verdict.urns).toEqual([urnOf(DISTRIBUTION, "cdn")]);
    });
    it("treats a load balancer with internal omitted as internet-facing, and leaves internal ones alone", () => {
        const { internal: _omitted, ...defaults } = alb().props as aws.lb.LoadBalancerArgs;
        expect(checkStack(policy, [{ ...alb(), props: defaults }]).violations).toEqual([expect.stringContaining("load balancer 'alb' is public")]);
        expect(checkStack(policy, [alb({ internal: true })]).violations).toEqual([]);
    });
    it("places a CNAME or alias by its known value", () => {
        const cname: StackResource = { type: RECORD, name: "www", props: { zoneId: "Z123", name: "www.shop.example.com", type: "CNAME", ttl: 300, records: ["d111.cloudfront.net"] } satisfies aws.route53.RecordArgs };
        const known: StackResource = { ...distribution, props: { ...distribution.props, domainName: "d111.cloudfront.net" } };
        expect(checkStack(policy, [known, cname]).violations).toEqual([]);
    });
    it("reaches an API through its custom domain and base path mapping", () => {
        const domain: StackResource = { type: "aws:apigateway/domainName:DomainName", name: "api-domain", props: { domainName: "api.shop.example.com", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1" } satisfies aws.apigateway.DomainNameArgs };
        const mapping: StackResource = { type: "aws:apigateway/basePathMapping:BasePathMapping", name: "api-mapping", props: { restApi: UNKNOWN, domainName: UNKNOWN } satisfies aws.apigateway.BasePathMappingArgs,
            propertyDependencies: { restApi: [urnOf(REST_API, "api")], domainName: [urnOf("aws:apigateway/domainName:DomainName", "api-domain")] } };
        const record = aliasRecord("api", "api.shop.example.com", urnOf("aws:apigateway/domainName:DomainName", "api-domain"));
        expect(checkStack(policy, [restApi(), domain, mapping, record]).violations).toEqual([]);
        expect(checkStack(policy, [restApi(), domain, record]).violations).toEqual([expect.stringContaining("API Gateway REST API 'api' is public")]);
        expect(checkStack(policy, [restApi({ endpointConfiguration: { types: "PRIVATE" } })]).violations).toEqual([]);
    });
    it("is unknown for an endpoint when a record's target is unknown and the graph does not place it, and still judges the others", () => {
        const unplaced: StackResource = { ...aliasRecord("apex", "shop.example.com", "nowhere"), propertyDependencies: { aliases: [] } };
        const verdict = checkStack(policy, [alb(), unplaced]);
        expect(verdict.unknownUrns).toEqual([urnOf(LOAD_BALANCER, "alb")]);
        const mixed = checkStack(policy, [alb({ internal: UNKNOWN as unknown as boolean }), distribution]);
        expect(mixed.unknownUrns).toEqual([urnOf(LOAD_BALANCER, "alb")]);
        expect(mixed.urns).toEqual([urnOf(DISTRIBUTION, "cdn")]);
    });
    it("honours an exemption given in config", () => {
        const verdict = checkStack(policy, [alb()], { exemptions: [{ resource: "alb", reason: "reached through the CDN only" }] });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toContain("reached through the CDN only");
    });
});
