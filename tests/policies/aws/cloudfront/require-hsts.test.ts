import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-hsts";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const RHP = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
const MANAGED = "67f7725c-6f97-4210-82d7-5512b31e9d03";

type HeadersArgs = aws.cloudfront.ResponseHeadersPolicyArgs & { securityHeadersConfig: aws.types.input.cloudfront.ResponseHeadersPolicySecurityHeadersConfig };
type Hsts = aws.types.input.cloudfront.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurity;

function headers(mutate?: (hsts: Hsts, args: HeadersArgs) => void, name = "headers"): StackResource {
    const hsts: Hsts = { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true };
    const args: HeadersArgs = { securityHeadersConfig: { strictTransportSecurity: hsts } };
    mutate?.(hsts, args);
    return { type: RHP, name, props: args };
}

function distribution(policyId: string | undefined, mutate?: (a: aws.cloudfront.DistributionArgs) => void, name = "cdn", headersName = "headers"): StackResource {
    const args: aws.cloudfront.DistributionArgs = {
        enabled: true,
        origins: [{ originId: "alb", domainName: "alb.example.com" }],
        defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], responseHeadersPolicyId: policyId },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
    };
    mutate?.(args);
    return { type: DISTRIBUTION, name, props: args, dependencies: [urnOf(RHP, headersName)] };
}

describe("aws-cloudfront-require-hsts", () => {
    it("passes a behaviour joined (by the dependency graph) to a policy with a one-year HSTS, its id unknown during preview", () => {
        const verdict = checkStack(policy, [headers(), distribution(UNKNOWN)]);
        expect(verdict).toEqual({ violations: [], urns: [] });
    });
    it("passes the managed SecurityHeadersPolicy by id", () => {
        expect(checkStack(policy, [{ ...distribution(MANAGED), dependencies: [] }]).violations).toEqual([]);
    });
    it("fires on the policy when its HSTS max-age is short", () => {
        const verdict = checkStack(policy, [headers((h) => { h.accessControlMaxAgeSec = 300; }), distribution(UNKNOWN)]);
        expect(verdict.violations).toEqual([expect.stringContaining("Response headers policy 'headers', used by a CloudFront distribution, sets strictTransportSecurity.accessControlMaxAgeSec to 300 second(s), below the minimum 31536000")]);
        expect(verdict.urns).toEqual([urnOf(RHP, "headers")]);
    });
    it("fires on the policy when it sends no HSTS or no includeSubDomains", () => {
        expect(checkStack(policy, [headers((_h, a) => { delete a.securityHeadersConfig.strictTransportSecurity; }), distribution(UNKNOWN)]).violations).toEqual([expect.stringContaining("sends no Strict-Transport-Security")]);
        expect(checkStack(policy, [headers((h) => { h.includeSubdomains = false; }), distribution(UNKNOWN)]).violations).toEqual([expect.stringContaining("without includeSubDomains")]);
    });
    it("fires on the distribution when a behaviour has no response headers policy (omitted)", () => {
        const ordered = distribution(UNKNOWN, (d) => { d.orderedCacheBehaviors = [{ pathPattern: "/static/*", targetOriginId: "alb", viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }]; });
        const verdict = checkStack(policy, [headers(), ordered]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' orderedCacheBehaviors[0] (/static/*) attaches no response headers policy")]);
        expect(verdict.urns).toEqual([urnOf(DISTRIBUTION, "cdn")]);
    });
    it("fires on a literal id that is neither in the stack nor managed", () => {
        expect(checkStack(policy, [{ ...distribution("60669652-455b-4ae9-85a4-c4c02393f86c"), dependencies: [] }]).violations).toEqual([expect.stringContaining("neither a policy of this stack nor a managed policy")]);
    });
    it("fires on a behaviour whose responseHeadersPolicyId is an empty string", () => {
        expect(checkStack(policy, [{ ...distribution(""), dependencies: [] }]).violations).toEqual([expect.stringContaining("defaultCacheBehavior attaches no response headers policy")]);
    });
    it("reports a max-age that is not a number, without crashing", () => {
        expect(checkStack(policy, [headers((h) => { h.accessControlMaxAgeSec = "a year" as never; }), distribution(UNKNOWN)]).violations).toEqual([expect.stringContaining("not a whole number")]);
    });
    it("reports an id unknown during preview and not in the graph as unknown for that distribution only", () => {
        const verdict = checkStack(policy, [{ ...distribution(UNKNOWN), dependencies: [] }]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(DISTRIBUTION, "cdn")]);
    });
    it("judges every resource it can when one value is unknown: known-bad fire, known-good pass, only the unknown one is unknown", () => {
        const verdict = checkStack(policy, [
            headers((h) => { h.accessControlMaxAgeSec = UNKNOWN as never; }, "pending"),
            headers((h) => { h.accessControlMaxAgeSec = 300; }, "short"),
            headers(undefined, "good"),
            distribution(UNKNOWN, undefined, "a", "pending"),
            distribution(UNKNOWN, undefined, "b", "short"),
            distribution(UNKNOWN, undefined, "c", "good"),
            { ...distribution(undefined, undefined, "bare"), dependencies: [] },
        ]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("Response headers policy 'short'"),
            expect.stringContaining("CloudFront distribution 'bare' defaultCacheBehavior attaches no response headers policy"),
        ]);
        expect(verdict.urns).toEqual([urnOf(RHP, "short"), urnOf(DISTRIBUTION, "bare")]);
        expect(verdict.unknownUrns).toEqual([urnOf(RHP, "pending")]);
    });
    it("takes the minimum max-age and includeSubDomains from config", () => {
        expect(checkStack(policy, [headers(), distribution(UNKNOWN)], { minimumMaxAgeSeconds: 63072000 }).violations).toHaveLength(1);
        expect(checkStack(policy, [{ ...distribution(MANAGED), dependencies: [] }], { minimumMaxAgeSeconds: 63072000 }).violations).toHaveLength(1);
        const noSub = headers((h) => { h.includeSubdomains = false; });
        expect(checkStack(policy, [noSub, distribution(UNKNOWN)], { requireIncludeSubdomains: false }).violations).toEqual([]);
    });

    it("reports a behaviour with no headers policy next to one unknown during preview", () => {
        const cdn = distribution(undefined, (d) => { d.orderedCacheBehaviors = [UNKNOWN as never]; });
        expect(checkStack(policy, [headers(), cdn]).violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' defaultCacheBehavior attaches no response headers policy")]);
        expect(checkStack(policy, [headers(), distribution(MANAGED, (d) => { d.orderedCacheBehaviors = [UNKNOWN as never]; })]).unknownUrns).toEqual([urnOf(DISTRIBUTION, "cdn")]);
    });
});
