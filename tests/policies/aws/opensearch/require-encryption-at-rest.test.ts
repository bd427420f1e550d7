import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/opensearch/require-encryption-at-rest";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const DOMAIN = "aws:opensearch/domain:Domain";
const domain = (enabled?: boolean | string): aws.opensearch.DomainArgs => ({ engineVersion: "OpenSearch_2.13", encryptAtRest: enabled === undefined ? undefined : { enabled: enabled as boolean } });

describe("aws-opensearch-require-encryption-at-rest", () => {
    it("passes encryption at rest", () => {
        expect(checkResource(policy, { type: DOMAIN, props: domain(true) }).violations).toEqual([]);
    });
    it("fires when disabled, on Elasticsearch domains too", () => {
        expect(checkResource(policy, { type: "aws:elasticsearch/domain:Domain", name: "logs", props: domain(false) }).violations).toEqual([expect.stringContaining("Elasticsearch domain 'logs' stores its data unencrypted")]);
    });
    it("fires when omitted", () => {
        expect(checkResource(policy, { type: DOMAIN, props: domain() }).violations).toHaveLength(1);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: DOMAIN, props: domain(UNKNOWN) }).unknown).toBeDefined();
    });
});
