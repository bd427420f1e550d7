import type { PolicyResource } from "@pulumi/policy";
import { graphTargets, ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { DISTRIBUTION_TYPE, isApplicationLoadBalancer, isSet, LOAD_BALANCER_TYPES } from "../../lib/edge";
import { at, bool, integer, isRecord, list, records, text } from "../../lib/values";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
const DEFAULT_WINDOW_SECONDS = 300;

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
    description: "Internet-facing application load balancers and CloudFront distributions sit behind a WAF web ACL with a rate-based rule.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.waf", "003.security.rate-limiting", "004.network-security.rate-limiting", "003.security.ddos-protection", "004.network-security.ddos-protection"],
    remediationSteps: "Declare an aws.wafv2.WebAcl with a rule whose statement is a rateBasedStatement (aggregateKeyType \"IP\"), attach it to each public ALB with an aws.wafv2.WebAclAssociation, and to each CloudFront distribution with webAclId (a CLOUDFRONT-scope ACL).",
    tags: ["network"],
    config: {
        maximumRequestsPerMinute: {
            type: "integer",
            minimum: 1,
            default: 60,
            description: "Highest per-client request rate the rate-based rule may allow, per minute (its limit divided by its evaluation window). Default 60: 003 rate-limits at 60 requests per minute.",
        },
    },
    validate: (resources, config, report) => {
        const acls = ofTypes(resources, [WEB_ACL]);
        const associations = ofTypes(resources, [ASSOCIATION]);
        const judged = new Set<string>();
        const judge = (acl: PolicyResource, user: string) => {
            if (judged.has(acl.urn)) {
                return;
            }
            judged.add(acl.urn);
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
        };
        const publicAlbs = ofTypes(resources, LOAD_BALANCER_TYPES).filter((lb) => bool(lb.props.internal) !== true && isApplicationLoadBalancer(lb.props));
        const unprotected = new Set(unlinkedTargets(publicAlbs, associations, "resourceArn", (lb) => [lb.props.name]).map((lb) => lb.urn));
        for (const lb of publicAlbs) {
            if (unprotected.has(lb.urn)) {
                report(`Internet-facing load balancer '${lb.name}' has no WAF web ACL: attach one with an aws.wafv2.WebAclAssociation (resourceArn: the load balancer's arn).`, lb.urn);
            }
        }
        for (const association of associations) {
            const ref = graphTargets(association, "webAclArn", acls);
            // A web ACL outside the stack (for example from Firewall Manager) counts; its rules cannot be seen here.
            ref.byGraph.forEach((acl) => judge(acl, `association '${association.name}'`));
        }
        for (const distribution of ofTypes(resources, [DISTRIBUTION_TYPE])) {
            if (!isSet(distribution.props, "webAclId")) {
                report(`CloudFront distribution '${distribution.name}' has no WAF web ACL: set webAclId to the arn of a CLOUDFRONT-scope aws.wafv2.WebAcl.`, distribution.urn);
                continue;
            }
            graphTargets(distribution, "webAclId", acls).byGraph.forEach((acl) => judge(acl, `distribution '${distribution.name}'`));
        }
    },
});
