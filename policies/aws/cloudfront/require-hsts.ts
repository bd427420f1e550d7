import type { PolicyResource } from "@pulumi/policy";
import { graphTargets, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { cacheBehaviours, DISTRIBUTION_TYPE, isSet } from "../../lib/edge";
import { at, bool, describeType, integer, text } from "../../lib/values";

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

/** What is wrong with a response headers policy's HSTS header, or undefined when it is right. */
function hstsProblem(policy: PolicyResource, config: Config): string | undefined {
    const hsts = at(policy.props.securityHeadersConfig, "strictTransportSecurity");
    if (hsts === undefined) {
        return "sends no Strict-Transport-Security header: set securityHeadersConfig.strictTransportSecurity";
    }
    const maxAge = integer(at(hsts, "accessControlMaxAgeSec"));
    if (maxAge === undefined) {
        return `sets strictTransportSecurity.accessControlMaxAgeSec to ${describeType(at(hsts, "accessControlMaxAgeSec"))}: set it to ${config.minimumMaxAgeSeconds} or more`;
    }
    if (maxAge < config.minimumMaxAgeSeconds) {
        return `sends HSTS max-age ${maxAge}, below ${config.minimumMaxAgeSeconds}: set strictTransportSecurity.accessControlMaxAgeSec to ${config.minimumMaxAgeSeconds} or more`;
    }
    if (config.requireIncludeSubdomains && bool(at(hsts, "includeSubdomains")) !== true) {
        return "sends HSTS without includeSubDomains: set strictTransportSecurity.includeSubdomains: true";
    }
    return undefined;
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
            default: 31536000,
            description: "Smallest HSTS max-age accepted, in seconds. Default 31536000 (one year): 003 names max-age=31536000.",
        },
        requireIncludeSubdomains: {
            type: "boolean",
            default: true,
            description: "Whether HSTS must include subdomains. Default true: 003 names includeSubDomains.",
        },
    },
    validate: (resources, config, report) => {
        const policies = ofTypes(resources, [RESPONSE_HEADERS_POLICY]);
        const judged = new Set<string>();
        const judge = (policy: PolicyResource) => {
            if (judged.has(policy.urn)) {
                return;
            }
            judged.add(policy.urn);
            const problem = hstsProblem(policy, config);
            if (problem) {
                report(`Response headers policy '${policy.name}', used by a CloudFront distribution, ${problem}.`, policy.urn);
            }
        };
        for (const distribution of ofTypes(resources, [DISTRIBUTION_TYPE])) {
            for (const { where, property, behaviour } of cacheBehaviours(distribution.props)) {
                const prefix = `CloudFront distribution '${distribution.name}' ${where}`;
                if (!isSet(behaviour, "responseHeadersPolicyId")) {
                    report(`${prefix} attaches no response headers policy, so browsers get no Strict-Transport-Security header: set responseHeadersPolicyId to a policy with HSTS.`, distribution.urn);
                    continue;
                }
                // The engine's dependency graph names the stack's policies a behaviour uses even while their ids are unknown.
                const ref = graphTargets(distribution, property, policies);
                ref.byGraph.forEach(judge);
                if (!ref.needsValue) {
                    continue;
                }
                const id = text(behaviour?.responseHeadersPolicyId);
                const managed = id ? MANAGED_HSTS_POLICIES[id] : undefined;
                if (managed) {
                    if (MANAGED_MAX_AGE < config.minimumMaxAgeSeconds) {
                        report(`${prefix} uses the managed ${managed}, whose HSTS max-age ${MANAGED_MAX_AGE} is below ${config.minimumMaxAgeSeconds}: attach a policy of your own with a longer max-age.`, distribution.urn);
                    }
                    continue;
                }
                report(`${prefix} uses response headers policy ${id ? `'${id}'` : describeType(id)}, neither a policy of this stack nor a managed policy with HSTS: declare an aws.cloudfront.ResponseHeadersPolicy with strictTransportSecurity and reference its id.`, distribution.urn);
            }
        }
    },
});
