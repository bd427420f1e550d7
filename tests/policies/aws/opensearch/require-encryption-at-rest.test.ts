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
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        const withKey = (kmsKeyId: string): aws.opensearch.DomainArgs => ({ engineVersion: "OpenSearch_2.13", encryptAtRest: { enabled: true, kmsKeyId } });
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: DOMAIN, props: domain(true) }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: DOMAIN, props: withKey("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"), config }).violations).toEqual([]);
            expect(checkResource(policy, { type: DOMAIN, props: withKey(UNKNOWN), config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key, omitted or named by alias", () => {
            expect(checkResource(policy, { type: DOMAIN, name: "search", props: domain(true), config }).violations)
                .toEqual([expect.stringContaining("sets no encryptAtRest.kmsKeyId, so it is encrypted with the AWS managed key aws/es: set encryptAtRest.kmsKeyId to a customer-managed KMS key.")]);
            expect(checkResource(policy, { type: DOMAIN, props: withKey("alias/aws/es"), config }).violations)
                .toEqual([expect.stringContaining("sets encryptAtRest.kmsKeyId to an AWS managed key alias")]);
        });
        it("reports only the missing encryption when encryption is off", () => {
            expect(checkResource(policy, { type: DOMAIN, props: domain(false), config }).violations).toHaveLength(1);
        });
    });
});
