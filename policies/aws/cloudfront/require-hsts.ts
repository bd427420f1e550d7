import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { byType, cacheBehaviours, DISTRIBUTION_TYPE, graphLinks, isSet } from "../../lib/edge";
import { requireAtLeast } from "../../lib/checks";
import { judgeEach } from "../../lib/unknowns";
import { at, bool, describeType, given } from "../../lib/values";

interface Config {
    minimumMaxAgeSeconds: number;
    requireIncludeSubdomains: boolean;
}

const RESPONSE_HEADERS_POLICY = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";

/** AWS managed response headers policies that send Strict-Transport-Security with max-age 31536000. */
export const MANAGED_HSTS_POLICIES: Readonly<Record<string, string>> = {
    "67f7725c-6f97-4210-82d7-5512b31e9d03": "Managed-SecurityHeadersPolicy",
    "e61eb60c-9c35-4d20-a928-2b84e02af89c": "Managed-CORS-and-SecurityHeadersPolicy",
};
const MANAGED_MAX_AGE = 31536000;

/** Reports what is wrong with the HSTS header of a response headers policy used by a distribution. */
function judgeHsts(policy: PolicyResource, config: Config, report: (message: string) => void): void {
    const where = `Response headers policy '${policy.name}', used by a CloudFront distribution,`;
    const hsts = at(policy.props.securityHeadersConfig, "strictTransportSecurity");
    if (given(hsts) === undefined) {
        report(`${where} sends no Strict-Transport-Security header: set securityHeadersConfig.strictTransportSecurity.`);
        return;
    }
    requireAtLeast(at(hsts, "accessControlMaxAgeSec"), {
        where,
        property: "strictTransportSecurity.accessControlMaxAgeSec",
        minimum: config.minimumMaxAgeSeconds,
        unit: "second(s)",
        omitted: "so the header carries no max-age",
    }, report);
    if (config.requireIncludeSubdomains && bool(at(hsts, "includeSubdomains")) !== true) {
        report(`${where} sends HSTS without includeSubDomains: set strictTransportSecurity.includeSubdomains: true.`);
    }
}

export default stackPolicy({
    name: "aws-cloudfront-require-hsts",
    description: "Every CloudFront cache behaviour attaches a response headers policy that sends Strict-Transport-Security with a max-age of at least one year.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.domain-ssl-tls.security-headers", "004.network-security.security-headers", "002.security-configuration.security-headers"],
    remediationSteps: "Declare an aws.cloudfront.ResponseHeadersPolicy with securityHeadersConfig.strictTransportSecurity { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true } and set responseHeadersPolicyId on every cache behaviour (or use the managed SecurityHeadersPolicy, 67f7725c-6f97-4210-82d7-5512b31e9d03).",
    tags: ["transport-security"],
    config: {
        minimumMaxAgeSeconds: {
            type: "integer",
            minimum: 0,
            maximum: 63072000,
            default: 31536000,
            description: "Smallest HSTS max-age accepted, in seconds, up to two years (63072000, the longest max-age the HSTS preload list asks for). Default 31536000 (one year): 003 names max-age=31536000.",
        },
        requireIncludeSubdomains: {
            type: "boolean",
            default: true,
            description: "Whether HSTS must include subdomains. Default true: 003 names includeSubDomains.",
        },
    },
    resourceTypes: [DISTRIBUTION_TYPE, RESPONSE_HEADERS_POLICY],
    validate: (resources, config, report, context) => {
        const ofType = byType(resources);
        const policies = new Map(ofType(RESPONSE_HEADERS_POLICY).map((p) => [p.urn, p]));
        const candidates = new Set(policies.keys());
        const judged = new Set<string>();
        const judgePolicy = (policy: PolicyResource) => {
            if (judged.has(policy.urn)) {
                return;
            }
            judged.add(policy.urn);
            context.judge(policy, () => judgeHsts(policy, config, (message) => report(message, policy.urn)));
        };
        for (const distribution of ofType(DISTRIBUTION_TYPE)) {
            context.judge(distribution, () => {
                // Each behaviour on its own: one unknown during preview hides no other's violation.
                judgeEach(cacheBehaviours(distribution.props), (message) => report(message, distribution.urn), ({ where, property, behaviour }, report) => {
                    const prefix = `CloudFront distribution '${distribution.name}' ${where}`;
                    const none = `${prefix} attaches no response headers policy, so browsers get no Strict-Transport-Security header: set responseHeadersPolicyId to a policy with HSTS.`;
                    if (!isSet(behaviour, "responseHeadersPolicyId")) {
                        report(none);
                        return;
                    }
                    // The engine's dependency graph names the stack's policies a behaviour uses even while their ids are unknown.
                    const ref = graphLinks(distribution, property, candidates);
                    ref.byGraph.forEach((urn) => judgePolicy(policies.get(urn)!));
                    if (!ref.needsValue) {
                        return;
                    }
                    const id = given(behaviour?.responseHeadersPolicyId);
                    if (id === undefined) {
                        report(none);
                        return;
                    }
                    const managed = typeof id === "string" ? MANAGED_HSTS_POLICIES[id.trim()] : undefined;
                    if (managed) {
                        if (MANAGED_MAX_AGE < config.minimumMaxAgeSeconds) {
                            report(`${prefix} uses the managed ${managed}, whose HSTS max-age ${MANAGED_MAX_AGE} is below ${config.minimumMaxAgeSeconds}: attach a policy of your own with a longer max-age.`);
                        }
                        return;
                    }
                    report(`${prefix} uses response headers policy ${typeof id === "string" ? `'${id}'` : describeType(id)}, neither a policy of this stack nor a managed policy with HSTS: declare an aws.cloudfront.ResponseHeadersPolicy with strictTransportSecurity and reference its id.`);
                });
            });
        }
    },
});
