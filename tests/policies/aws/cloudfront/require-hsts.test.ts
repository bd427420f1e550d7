import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-hsts";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const RHP = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
const MANAGED = "67f7725c-6f97-4210-82d7-5512b31e9d03";

type Hsts = aws.types.input.cloudfront.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurity & { accessControlMaxAgeSec: number; includeSubdomains?: boolean };

function headers(mutate?: (a: { securityHeadersConfig: { strictTransportSecurity?: Hsts } }) => void): StackResource {
    const args = { securityHeadersConfig: { strictTransportSecurity: { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true } as Hsts | undefined } } satisfies aws.cloudfront.ResponseHeadersPolicyArgs;
    mutate?.(args);
    return { type: RHP, name: "headers", props: args };
}

function distribution(policyId: string | undefined, mutate?: (a: any) => void): StackResource {
    const args = {
        enabled: true,
        origins: [{ originId: "alb", domainName: "alb.example.com" }],
        defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], responseHeadersPolicyId: policyId },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
    } satisfies aws.cloudfront.DistributionArgs;
    mutate?.(args);
    return { type: DISTRIBUTION, name: "cdn", props: args, dependencies: [urnOf(RHP, "headers")] };
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
        const verdict = checkStack(policy, [headers((h) => { h.securityHeadersConfig.strictTransportSecurity!.accessControlMaxAgeSec = 300; }), distribution(UNKNOWN)]);
        expect(verdict.violations).toEqual([expect.stringContaining("Response headers policy 'headers', used by a CloudFront distribution, sends HSTS max-age 300")]);
        expect(verdict.urns).toEqual([urnOf(RHP, "headers")]);
    });
    it("fires on the policy when it sends no HSTS or no includeSubDomains", () => {
        expect(checkStack(policy, [headers((h) => { delete h.securityHeadersConfig.strictTransportSecurity; }), distribution(UNKNOWN)]).violations).toEqual([expect.stringContaining("sends no Strict-Transport-Security")]);
        expect(checkStack(policy, [headers((h) => { h.securityHeadersConfig.strictTransportSecurity!.includeSubdomains = false; }), distribution(UNKNOWN)]).violations).toEqual([expect.stringContaining("without includeSubDomains")]);
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
    it("leaves an id unknown during preview and not in the graph to the SDK", () => {
        expect(checkStack(policy, [{ ...distribution(UNKNOWN), dependencies: [] }]).unknown).toBeDefined();
    });
    it("takes the minimum max-age and includeSubDomains from config", () => {
        expect(checkStack(policy, [headers(), distribution(UNKNOWN)], { minimumMaxAgeSeconds: 63072000 }).violations).toHaveLength(1);
        expect(checkStack(policy, [{ ...distribution(MANAGED), dependencies: [] }], { minimumMaxAgeSeconds: 63072000 }).violations).toHaveLength(1);
        const noSub = headers((h) => { h.securityHeadersConfig.strictTransportSecurity!.includeSubdomains = false; });
        expect(checkStack(policy, [noSub, distribution(UNKNOWN)], { requireIncludeSubdomains: false }).violations).toEqual([]);
    });
});
