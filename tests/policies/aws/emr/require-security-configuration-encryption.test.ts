import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/emr/require-security-configuration-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:emr/securityConfiguration:SecurityConfiguration";
const encryption = {
    EnableAtRestEncryption: true,
    EnableInTransitEncryption: true,
    AtRestEncryptionConfiguration: {
        S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: "arn:aws:kms:us-east-1:123456789012:key/abc" },
        LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: "arn:aws:kms:us-east-1:123456789012:key/abc" },
    },
    InTransitEncryptionConfiguration: { TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://certs/emr.zip" } },
};
const config = (change: Record<string, unknown>): aws.emr.SecurityConfigurationArgs => ({ name: "emr-secure", configuration: JSON.stringify({ EncryptionConfiguration: { ...encryption, ...change } }) });

describe("aws-emr-require-security-configuration-encryption", () => {
    it("passes at-rest (local disks included) and in-transit encryption, as JSON or an object", () => {
        expect(checkResource(policy, { type: T, props: config({}) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { configuration: { EncryptionConfiguration: { ...encryption, EnableAtRestEncryption: "true" } } } }).violations).toEqual([]);
    });
    it("fires on at-rest encryption off or omitted", () => {
        expect(checkResource(policy, { type: T, name: "emr", props: config({ EnableAtRestEncryption: false }) }).violations)
            .toEqual([expect.stringContaining("EMR security configuration 'emr' does not set EncryptionConfiguration.EnableAtRestEncryption to true")]);
        expect(checkResource(policy, { type: T, props: config({ EnableAtRestEncryption: undefined }) }).violations).toHaveLength(1);
    });
    it("fires on at-rest encryption without local disk encryption", () => {
        expect(checkResource(policy, { type: T, props: config({ AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" } } }) }).violations)
            .toEqual([expect.stringContaining("without AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration")]);
    });
    it("fires on in-transit encryption off", () => {
        expect(checkResource(policy, { type: T, props: config({ EnableInTransitEncryption: false }) }).violations)
            .toEqual([expect.stringContaining("does not set EncryptionConfiguration.EnableInTransitEncryption to true")]);
    });
    it("fires twice on a configuration without encryption, and on one that cannot be read", () => {
        expect(checkResource(policy, { type: T, props: { configuration: JSON.stringify({ AuthenticationConfiguration: {} }) } }).violations).toHaveLength(2);
        expect(checkResource(policy, { type: T, props: { configuration: "{not json" } }).violations).toEqual([expect.stringContaining("is not valid JSON")]);
        expect(checkResource(policy, { type: T, props: { configuration: "[]" } }).violations).toEqual([expect.stringContaining("not a security configuration document")]);
    });
    it("is unknown when the configuration is unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: { configuration: UNKNOWN } }).unknown).toBeDefined();
    });
    it("ignores an unrelated value unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: { ...config({}), name: UNKNOWN } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...config({ EnableInTransitEncryption: false }), name: UNKNOWN } }).violations).toHaveLength(1);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "emr-dev", props: config({ EnableInTransitEncryption: false }), config: { exemptions: [{ resource: "emr-dev", reason: "synthetic data" }] } }).notApplicable)
            .toContain("synthetic data");
    });
});
