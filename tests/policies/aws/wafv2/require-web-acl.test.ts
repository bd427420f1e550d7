import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/wafv2/require-web-acl";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ACL = "aws:wafv2/webAcl:WebAcl";
const ASSOC = "aws:wafv2/webAclAssociation:WebAclAssociation";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const CLASSIC_ASSOC = "aws:wafregional/webAclAssociation:WebAclAssociation";
const REST_API = "aws:apigateway/restApi:RestApi";
const STAGE = "aws:apigateway/stage:Stage";
const visibility = { cloudwatchMetricsEnabled: true, metricName: "m", sampledRequestsEnabled: true };

function acl(name = "waf", limit = 300, scope = "REGIONAL"): StackResource {
    const args: aws.wafv2.WebAclArgs = {
        scope, defaultAction: { allow: {} }, visibilityConfig: visibility,
        rules: [{ name: "rate", priority: 1, action: { block: {} }, statement: { rateBasedStatement: { limit, aggregateKeyType: "IP" } }, visibilityConfig: visibility }],
    };
    return { type: ACL, name, props: args };
}
const alb = (args: aws.lb.LoadBalancerArgs = { loadBalancerType: "application", internal: false, subnets: ["a", "b"] }, type = LB): StackResource => ({ type, name: "alb", props: args });
const association = (lbType = LB): StackResource => ({
    type: ASSOC, name: "alb-waf", props: { resourceArn: UNKNOWN, webAclArn: UNKNOWN } satisfies aws.wafv2.WebAclAssociationArgs,
    dependencies: [urnOf(lbType, "alb"), urnOf(ACL, "waf")],
});
const distribution = (webAclId?: string): StackResource => ({
    type: DISTRIBUTION, name: "cdn",
    props: { enabled: true, origins: [], defaultCacheBehavior: { targetOriginId: "o", viewerProtocolPolicy: "https-only", allowedMethods: ["GET"], cachedMethods: ["GET"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { cloudfrontDefaultCertificate: true }, webAclId } satisfies aws.cloudfront.DistributionArgs,
    dependencies: webAclId === UNKNOWN ? [urnOf(ACL, "edge-waf")] : [],
});
const restApi = (types?: string, name = "api"): StackResource => ({
    type: REST_API, name, props: { name, endpointConfiguration: types === undefined ? undefined : { types } } satisfies aws.apigateway.RestApiArgs,
});
/** A stage linked to its REST API through the graph; the API's id is unknown during preview. */
const stage = (name = "api-prod", api = "api"): StackResource => ({
    type: STAGE, name, props: { restApi: UNKNOWN, deployment: UNKNOWN, stageName: "prod" } satisfies aws.apigateway.StageArgs,
    dependencies: [urnOf(REST_API, api)], propertyDependencies: { restApi: [urnOf(REST_API, api)], deployment: [] },
});
/** An association whose resourceArn (the stage's arn) is unknown during preview, linked to the stage through the graph. */
const stageAssociation = (target = "api-prod", webAcl = "waf"): StackResource => ({
    type: ASSOC, name: `${target}-waf`, props: { resourceArn: UNKNOWN, webAclArn: UNKNOWN } satisfies aws.wafv2.WebAclAssociationArgs,
    dependencies: [urnOf(STAGE, target), urnOf(ACL, webAcl)],
    propertyDependencies: { resourceArn: [urnOf(STAGE, target)], webAclArn: [urnOf(ACL, webAcl)] },
});

describe("aws-wafv2-require-web-acl", () => {
    it("passes a public ALB and a distribution behind web ACLs with a 60/min rate rule", () => {
        expect(checkStack(policy, [acl(), acl("edge-waf", 300, "CLOUDFRONT"), alb(), association(), distribution(UNKNOWN)]).violations).toEqual([]);
    });
    it("fires on a public ALB without an association (internal or type omitted counts as public application)", () => {
        const verdict = checkStack(policy, [alb({ subnets: ["a"] }, "aws:alb/loadBalancer:LoadBalancer")]);
        expect(verdict.violations).toEqual([expect.stringContaining("Internet-facing load balancer 'alb' has no WAF web ACL")]);
        expect(verdict.urns).toEqual([urnOf("aws:alb/loadBalancer:LoadBalancer", "alb")]);
    });
    it("ignores internal and network load balancers", () => {
        expect(checkStack(policy, [alb({ internal: true, subnets: ["a"] }), { ...alb({ loadBalancerType: "network" }), name: "nlb" }]).violations).toEqual([]);
    });
    it("fires on a distribution without webAclId (omitted)", () => {
        const verdict = checkStack(policy, [distribution()]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' has no WAF web ACL")]);
        expect(verdict.urns).toEqual([urnOf(DISTRIBUTION, "cdn")]);
    });
    it("fires on the web ACL when it has no rate-based rule", () => {
        const bare = { ...acl(), props: { ...acl().props, rules: [] } };
        const verdict = checkStack(policy, [bare, alb(), association()]);
        expect(verdict.violations).toEqual([expect.stringContaining("WAF web ACL 'waf', protecting association 'alb-waf', has no rate-based rule")]);
        expect(verdict.urns).toEqual([urnOf(ACL, "waf")]);
    });
    it("reads rate-based rules from ruleJson too", () => {
        const json = { ...acl(), props: { ...acl().props, rules: undefined, ruleJson: JSON.stringify([{ Name: "rate", Priority: 1, Statement: { RateBasedStatement: { Limit: 100, AggregateKeyType: "IP" } } }]) } };
        expect(checkStack(policy, [json, alb(), association()]).violations).toEqual([]);
    });
    it("accepts a web ACL outside the stack by literal ARN", () => {
        const external: StackResource = { type: ASSOC, name: "alb-waf", props: { resourceArn: UNKNOWN, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/fms/1" }, dependencies: [urnOf(LB, "alb")] };
        expect(checkStack(policy, [alb(), external]).violations).toEqual([]);
    });
    it("reports only the load balancers an association with an unknown target could protect as unknown", () => {
        const verdict = checkStack(policy, [alb(), { ...association(), dependencies: [] }]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(ASSOC, "alb-waf"), urnOf(LB, "alb")]);
    });
    it("links an association to its load balancer through the property graph although the ARN is unknown", () => {
        const linked: StackResource = { ...association(), dependencies: [urnOf(LB, "alb"), urnOf(ACL, "waf")], propertyDependencies: { resourceArn: [urnOf(LB, "alb")], webAclArn: [urnOf(ACL, "waf")] } };
        const other = { ...alb(), name: "other" };
        const verdict = checkStack(policy, [acl(), alb(), other, linked]);
        expect(verdict.violations).toEqual([expect.stringContaining("load balancer 'other' has no WAF web ACL")]);
        expect(verdict.urns).toEqual([urnOf(LB, "other")]);
        expect(verdict.unknown).toBeUndefined();
    });
    it("counts a WAF Classic (wafregional) association as protection", () => {
        const classic: StackResource = {
            type: CLASSIC_ASSOC, name: "alb-waf-classic",
            props: { resourceArn: UNKNOWN, webAclId: UNKNOWN } satisfies aws.wafregional.WebAclAssociationArgs,
            propertyDependencies: { resourceArn: [urnOf(LB, "alb")] },
        };
        expect(checkStack(policy, [alb(), classic]).violations).toEqual([]);
        const byArn: StackResource = { ...classic, props: { resourceArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188", webAclId: "classic-acl-id" }, propertyDependencies: {} };
        expect(checkStack(policy, [alb({ name: "web-alb", loadBalancerType: "application", subnets: ["a", "b"] }), byArn]).violations).toEqual([]);
    });
    it("fires on a distribution whose webAclId is an empty string", () => {
        const verdict = checkStack(policy, [distribution("")]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' has no WAF web ACL")]);
    });
    it("judges every resource it can when one value is unknown: known-bad fire, known-good pass, only the unknown one is unknown", () => {
        const unknownAlb: StackResource = { ...alb({ loadBalancerType: "application", internal: UNKNOWN as never, subnets: ["a"] }), name: "maybe-public" };
        const bare = { ...alb(), name: "bare" };
        const guarded = { ...alb(), name: "guarded" };
        const guard: StackResource = { ...association(), name: "guarded-waf", propertyDependencies: { resourceArn: [urnOf(LB, "guarded")], webAclArn: [urnOf(ACL, "waf")] } };
        const verdict = checkStack(policy, [acl(), unknownAlb, bare, guarded, guard, distribution()]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("load balancer 'bare' has no WAF web ACL"),
            expect.stringContaining("CloudFront distribution 'cdn' has no WAF web ACL"),
        ]);
        expect(verdict.urns).toEqual([urnOf(LB, "bare"), urnOf(DISTRIBUTION, "cdn")]);
        expect(verdict.unknownUrns).toEqual([urnOf(LB, "maybe-public")]);
    });
    it("reports a web ACL whose rules are unknown as unknown, and still judges the load balancers", () => {
        const pending = { ...acl(), props: { ...acl().props, rules: UNKNOWN } };
        const verdict = checkStack(policy, [pending, alb(), association(), { ...alb(), name: "bare" }]);
        expect(verdict.violations).toEqual([expect.stringContaining("load balancer 'bare' has no WAF web ACL")]);
        expect(verdict.unknownUrns).toEqual([urnOf(ACL, "waf")]);
    });
    it("takes the maximum rate from config", () => {
        const resources = [acl("waf", 1000), alb(), association()];
        expect(checkStack(policy, resources).violations).toEqual([expect.stringContaining("1000 per 300 s, above 60 requests per minute")]);
        expect(checkStack(policy, resources, { maximumRequestsPerMinute: 200 }).violations).toEqual([]);
    });

    describe("API Gateway REST API stages", () => {
        it("passes a stage of a regional API associated with a web ACL whose rate rule is within the limit", () => {
            const verdict = checkStack(policy, [acl(), restApi("REGIONAL"), stage(), stageAssociation()]);
            expect(verdict.violations).toEqual([]);
            expect(verdict.unknown).toBeUndefined();
        });
        it("fires on a stage of a public API without an association (endpoint type EDGE, REGIONAL or omitted)", () => {
            for (const types of ["EDGE", "REGIONAL", undefined]) {
                const verdict = checkStack(policy, [restApi(types), stage()]);
                expect(verdict.violations).toEqual([expect.stringContaining("API Gateway stage 'api-prod' of an internet-facing REST API has no WAF web ACL")]);
                expect(verdict.urns).toEqual([urnOf(STAGE, "api-prod")]);
            }
        });
        it("fires on a stage whose API is outside the stack (a literal id) without an association", () => {
            const outside: StackResource = { type: STAGE, name: "api-prod", props: { restApi: "a1b2c3d4e5", deployment: "d1", stageName: "prod" } satisfies aws.apigateway.StageArgs };
            expect(checkStack(policy, [outside]).urns).toEqual([urnOf(STAGE, "api-prod")]);
        });
        it("fires on the web ACL of a stage when it has no rate-based rule", () => {
            const bare = { ...acl(), props: { ...acl().props, rules: [] } };
            const verdict = checkStack(policy, [bare, restApi("REGIONAL"), stage(), stageAssociation()]);
            expect(verdict.violations).toEqual([expect.stringContaining("WAF web ACL 'waf', protecting association 'api-prod-waf', has no rate-based rule")]);
            expect(verdict.urns).toEqual([urnOf(ACL, "waf")]);
        });
        it("skips stages of private APIs, whose endpoint type is PRIVATE (a string or a one-item list)", () => {
            expect(checkStack(policy, [restApi("PRIVATE"), stage()]).violations).toEqual([]);
            const listed: StackResource = { ...restApi(), props: { name: "api", endpointConfiguration: { types: ["PRIVATE"] } } };
            expect(checkStack(policy, [listed, stage()]).violations).toEqual([]);
        });
        it("links the association to its stage through the property graph although the stage arn is unknown, and judges the other stage", () => {
            const verdict = checkStack(policy, [acl(), restApi("REGIONAL"), stage(), stage("api-test"), stageAssociation()]);
            expect(verdict.violations).toEqual([expect.stringContaining("API Gateway stage 'api-test' of an internet-facing REST API has no WAF web ACL")]);
            expect(verdict.urns).toEqual([urnOf(STAGE, "api-test")]);
            expect(verdict.unknown).toBeUndefined();
        });
        it("links an association to a stage by a literal stage arn", () => {
            const outside: StackResource = { type: STAGE, name: "api-prod", props: { restApi: "a1b2c3d4e5", deployment: "d1", stageName: "prod" } satisfies aws.apigateway.StageArgs };
            const byArn = (arn: string): StackResource => ({ type: ASSOC, name: "api-waf", props: { resourceArn: arn, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/fms/1" } });
            expect(checkStack(policy, [outside, byArn("arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod")]).violations).toEqual([]);
            expect(checkStack(policy, [outside, byArn("arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/test")]).urns).toEqual([urnOf(STAGE, "api-prod")]);
        });
        it("counts a WAF Classic (wafregional) association with the stage as protection", () => {
            const classic: StackResource = {
                type: CLASSIC_ASSOC, name: "api-waf-classic",
                props: { resourceArn: UNKNOWN, webAclId: "classic-acl-id" } satisfies aws.wafregional.WebAclAssociationArgs,
                propertyDependencies: { resourceArn: [urnOf(STAGE, "api-prod")] },
            };
            expect(checkStack(policy, [restApi("REGIONAL"), stage(), classic]).violations).toEqual([]);
        });
        it("reports a stage as unknown when its API's endpoint type is unknown, and still judges the others", () => {
            const pending: StackResource = { ...restApi(), props: { name: "api", endpointConfiguration: { types: UNKNOWN } } };
            const verdict = checkStack(policy, [pending, stage(), restApi("EDGE", "public"), stage("public-prod", "public")]);
            expect(verdict.urns).toEqual([urnOf(STAGE, "public-prod")]);
            expect(verdict.unknownUrns).toEqual([urnOf(STAGE, "api-prod")]);
        });
        it("reports a stage as unknown when its API is neither linked through the graph nor known", () => {
            const unlinked: StackResource = { ...stage(), dependencies: [], propertyDependencies: {} };
            const verdict = checkStack(policy, [unlinked]);
            expect(verdict.violations).toEqual([]);
            expect(verdict.unknownUrns).toEqual([urnOf(STAGE, "api-prod")]);
        });
        it("takes the maximum rate for a stage's web ACL from config", () => {
            const resources = [acl("waf", 600), restApi("REGIONAL"), stage(), stageAssociation()];
            expect(checkStack(policy, resources).violations).toEqual([expect.stringContaining("WAF web ACL 'waf' rate-limits clients at 600 per 300 s, above 60 requests per minute")]);
            expect(checkStack(policy, resources, { maximumRequestsPerMinute: 120 }).violations).toEqual([]);
        });
    });

    it("reads a web ACL id that the graph does not link, unknown during preview, only as set", () => {
        expect(checkStack(policy, [{ ...distribution(UNKNOWN), dependencies: [] }])).toEqual({ violations: [], urns: [] });
    });
});
