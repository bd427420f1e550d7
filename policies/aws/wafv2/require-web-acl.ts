import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { byType, DISTRIBUTION_TYPE, graphLinks, isApplicationLoadBalancer, isSet, LinkIndex, LOAD_BALANCER_TYPES } from "../../lib/edge";
import { at, bool, integer, isDeclared, isRecord, list, records, text } from "../../lib/values";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
const CLASSIC_ASSOCIATION = "aws:wafregional/webAclAssociation:WebAclAssociation";
const DEFAULT_WINDOW_SECONDS = 300;
const REST_API = "aws:apigateway/restApi:RestApi";
const STAGE = "aws:apigateway/stage:Stage";
/** The API and stage an API Gateway stage ARN names: arn:aws:apigateway:<region>::/restapis/<api id>/stages/<stage name>. */
const STAGE_ARN = /\/restapis\/([^/]+)\/stages\/([^/]+)$/;

/** The ARN an association protects, and for an API Gateway stage ARN also "<api id>/stages/<stage name>", the key a stage is found by. */
function protectedArns(association: PolicyResource): unknown[] {
    const arn = association.props.resourceArn;
    const stage = typeof arn === "string" ? STAGE_ARN.exec(arn.trim()) : null;
    return stage ? [arn, `${stage[1]}/stages/${stage[2]}`] : [arn];
}

/** A REST API reached only through VPC endpoints: endpointConfiguration.types is PRIVATE (a string, or a one-item list in older providers). */
function isPrivateApi(api: PolicyResource): boolean {
    const types = at(api.props, "endpointConfiguration", "types");
    const named = (Array.isArray(types) ? types : [types]).map(text).filter((t): t is string => t !== undefined);
    return named.length > 0 && named.every((t) => t.trim().toUpperCase() === "PRIVATE");
}

/** The rate-based rules of a web ACL, from `rules` or from `ruleJson`, as { limit, window }. */
function rateRules(acl: PolicyResource): { limit?: number; window: number }[] {
    const found: { limit?: number; window: number }[] = [];
    for (const rule of records(acl.props.rules)) {
        const rate = at(rule, "statement", "rateBasedStatement");
        if (isRecord(rate)) {
            found.push({ limit: integer(rate.limit), window: integer(rate.evaluationWindowSec) ?? DEFAULT_WINDOW_SECONDS });
        }
    }
    const json = text(acl.props.ruleJson);
    if (json) {
        let parsed: unknown;
        try {
            parsed = JSON.parse(json);
        } catch {
            parsed = undefined;
        }
        for (const rule of list(parsed)) {
            const rate = at(rule, "Statement", "RateBasedStatement");
            if (isRecord(rate)) {
                found.push({ limit: integer(rate.Limit), window: integer(rate.EvaluationWindowSec) ?? DEFAULT_WINDOW_SECONDS });
            }
        }
    }
    return found;
}

export default stackPolicy({
    name: "aws-wafv2-require-web-acl",
    description: "Internet-facing application load balancers, API Gateway REST API stages and CloudFront distributions sit behind a WAF web ACL (a WAF Classic association also protects a load balancer or stage) with a rate-based rule; stages of private APIs are exempt.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.waf", "003.security.rate-limiting", "004.network-security.rate-limiting", "003.security.ddos-protection", "004.network-security.ddos-protection"],
    remediationSteps: "Declare an aws.wafv2.WebAcl with a rule whose statement is a rateBasedStatement (aggregateKeyType \"IP\"), attach it to each public ALB and each stage of a public (EDGE or REGIONAL) REST API with an aws.wafv2.WebAclAssociation (a REGIONAL-scope ACL), and to each CloudFront distribution with webAclId (a CLOUDFRONT-scope ACL).",
    tags: ["network"],
    config: {
        maximumRequestsPerMinute: {
            type: "integer",
            minimum: 1,
            maximum: 2000000000,
            default: 60,
            description: "Highest per-client request rate the rate-based rule may allow, per minute (its limit divided by its evaluation window). Default 60: 003 rate-limits at 60 requests per minute.",
        },
    },
    resourceTypes: [WEB_ACL, ASSOCIATION, CLASSIC_ASSOCIATION, ...LOAD_BALANCER_TYPES, STAGE, REST_API, DISTRIBUTION_TYPE],
    validate: (resources, config, report, context) => {
        const ofType = byType(resources);
        const acls = ofType(WEB_ACL);
        const aclUrns = new Set(acls.map((a) => a.urn));
        const judged = new Set<string>();
        const judgeAcl = (acl: PolicyResource, user: string) => {
            if (judged.has(acl.urn)) {
                return;
            }
            judged.add(acl.urn);
            context.judge(acl, () => {
                const rules = rateRules(acl);
                if (rules.length === 0) {
                    report(`WAF web ACL '${acl.name}', protecting ${user}, has no rate-based rule: add a rule with statement.rateBasedStatement limiting each client IP to ${config.maximumRequestsPerMinute} requests per minute.`, acl.urn);
                    return;
                }
                const strict = rules.some((r) => r.limit !== undefined && (r.limit * 60) / r.window <= config.maximumRequestsPerMinute);
                if (!strict) {
                    const loosest = rules.map((r) => r.limit === undefined ? "an unreadable limit" : `${r.limit} per ${r.window} s`).join(", ");
                    report(`WAF web ACL '${acl.name}' rate-limits clients at ${loosest}, above ${config.maximumRequestsPerMinute} requests per minute: lower the rateBasedStatement limit.`, acl.urn);
                }
            });
        };
        const aclsOf = (user: PolicyResource, property: string) => {
            const deps = user.propertyDependencies?.[property] ?? [];
            const byProperty = deps.filter((d) => aclUrns.has(d.urn));
            if (byProperty.length > 0 || Object.keys(user.propertyDependencies ?? {}).length > 0) {
                return byProperty;
            }
            const byDependency = (user.dependencies ?? []).filter((d) => aclUrns.has(d.urn));
            return byDependency.length === 1 ? byDependency : [];
        };

        const loadBalancers = ofType(...LOAD_BALANCER_TYPES);
        const stages = ofType(STAGE);
        const associations = ofType(ASSOCIATION);
        // One index over every target, so an association the graph links to a stage is never read as a load balancer's.
        // A WAF Classic association protects them as well; its ACL's rules are WAF Classic rules, not judged here.
        const protection = new LinkIndex([...loadBalancers, ...stages], [...associations, ...ofType(CLASSIC_ASSOCIATION)], "resourceArn", context, protectedArns);
        for (const lb of loadBalancers) {
            context.judge(lb, () => {
                if (bool(lb.props.internal) === true || !isApplicationLoadBalancer(lb.props)) {
                    return;
                }
                if (!protection.links(lb, () => [lb.props.name])) {
                    report(`Internet-facing load balancer '${lb.name}' has no WAF web ACL: attach one with an aws.wafv2.WebAclAssociation (resourceArn: the load balancer's arn).`, lb.urn);
                }
            });
        }
        const restApis = ofType(REST_API);
        const restApiUrns = new Set(restApis.map((a) => a.urn));
        const restApiByUrn = new Map(restApis.map((a) => [a.urn, a]));
        for (const stage of stages) {
            context.judge(stage, () => {
                // The stage's API through the graph: its id is unknown during preview.
                const linked = graphLinks(stage, "restApi", restApiUrns);
                const api = linked.needsValue ? undefined : restApiByUrn.get(linked.byGraph[0]);
                if (api === undefined) {
                    // Unlinked, an unknown id could name a private API of the stack (the stage is then unknown); a
                    // literal id names an API outside the stack, judged public (the provider's default type is EDGE).
                    void stage.props.restApi;
                } else if (isPrivateApi(api)) {
                    return;
                }
                if (!protection.links(stage, () => [`${text(stage.props.restApi) ?? ""}/stages/${text(stage.props.stageName) ?? ""}`])) {
                    report(`API Gateway stage '${stage.name}' of an internet-facing REST API has no WAF web ACL: attach a REGIONAL-scope aws.wafv2.WebAcl with an aws.wafv2.WebAclAssociation (resourceArn: the stage's arn).`, stage.urn);
                }
            });
        }
        for (const association of associations) {
            // A web ACL outside the stack (for example from Firewall Manager) counts; its rules cannot be seen here.
            aclsOf(association, "webAclArn").forEach((acl) => judgeAcl(acl, `association '${association.name}'`));
        }
        for (const distribution of ofType(DISTRIBUTION_TYPE)) {
            context.judge(distribution, () => {
                const linked = isSet(distribution.props, "webAclId") ? aclsOf(distribution, "webAclId") : [];
                if (linked.length > 0) {
                    linked.forEach((acl) => judgeAcl(acl, `distribution '${distribution.name}'`));
                } else if (!isDeclared(distribution.props, "webAclId")) {
                    // An ACL's ARN is unknown during preview: only whether one is set decides.
                    report(`CloudFront distribution '${distribution.name}' has no WAF web ACL: set webAclId to the arn of a CLOUDFRONT-scope aws.wafv2.WebAcl.`, distribution.urn);
                }
            });
        }
    },
});
