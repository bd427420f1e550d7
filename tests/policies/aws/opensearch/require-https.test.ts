import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/opensearch/require-https";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const DOMAIN = "aws:opensearch/domain:Domain";
const domain = (options?: aws.types.input.opensearch.DomainDomainEndpointOptions): aws.opensearch.DomainArgs => ({ engineVersion: "OpenSearch_2.13", domainEndpointOptions: options });
const GOOD = { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" };

describe("aws-opensearch-require-https", () => {
    it("passes HTTPS enforced with a TLS 1.2 policy", () => {
        expect(checkResource(policy, { type: DOMAIN, props: domain(GOOD) }).violations).toEqual([]);
    });
    it("fires when HTTPS is not enforced, on Elasticsearch domains too", () => {
        expect(checkResource(policy, { type: "aws:elasticsearch/domain:Domain", name: "logs", props: domain({ ...GOOD, enforceHttps: false }) }).violations)
            .toEqual([expect.stringContaining("Elasticsearch domain 'logs' does not set domainEndpointOptions.enforceHttps")]);
    });
    it("fires on a TLS 1.0 policy", () => {
        expect(checkResource(policy, { type: DOMAIN, props: domain({ ...GOOD, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" }) }).violations).toEqual([expect.stringContaining("accepts TLS below 1.2")]);
    });
    it("fires when the endpoint options or the TLS policy are omitted", () => {
        expect(checkResource(policy, { type: DOMAIN, props: domain() }).violations).toEqual([expect.stringContaining("sets no domainEndpointOptions, so it accepts plain HTTP")]);
        expect(checkResource(policy, { type: DOMAIN, props: domain({ enforceHttps: true }) }).violations).toEqual([expect.stringContaining("sets no domainEndpointOptions.tlsSecurityPolicy")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: DOMAIN, props: { ...domain(GOOD), domainEndpointOptions: { ...GOOD, enforceHttps: UNKNOWN } } }).unknown).toBeDefined();
    });

    it("judges HTTPS and the TLS policy apart: one unknown during preview hides no violation of the other", () => {
        expect(checkResource(policy, { type: DOMAIN, name: "search", props: domain({ enforceHttps: false, tlsSecurityPolicy: UNKNOWN }) }).violations)
            .toEqual([expect.stringContaining("does not set domainEndpointOptions.enforceHttps: true")]);
        expect(checkResource(policy, { type: DOMAIN, props: domain({ ...GOOD, enforceHttps: UNKNOWN as never }) }).unknown).toBeDefined();
    });
});
