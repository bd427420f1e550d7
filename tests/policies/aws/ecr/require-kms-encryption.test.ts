import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecr/require-kms-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const REPO = "aws:ecr/repository:Repository";
const repository: aws.ecr.RepositoryArgs = { name: "api", encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:123456789012:key/abcd" }] };

describe("aws-ecr-require-kms-encryption", () => {
    it("passes KMS and KMS_DSSE", () => {
        expect(checkResource(policy, { type: REPO, props: repository }).violations).toEqual([]);
        expect(checkResource(policy, { type: REPO, props: { name: "api", encryptionConfigurations: [{ encryptionType: "KMS_DSSE" }] } }).violations).toEqual([]);
    });
    it("fires on AES256", () => {
        expect(checkResource(policy, { type: REPO, name: "api", props: { name: "api", encryptionConfigurations: [{ encryptionType: "AES256" }] } }).violations)
            .toEqual([expect.stringContaining("ECR repository 'api' sets encryptionType \"AES256\", not one of KMS, KMS_DSSE")]);
    });
    it("fires when encryption is omitted (ECR's AES256 default)", () => {
        expect(checkResource(policy, { type: REPO, props: { name: "api" } }).violations).toEqual([expect.stringContaining("sets no encryptionType, so ECR encrypts its images with AES256")]);
        expect(checkResource(policy, { type: REPO, props: { name: "api", encryptionConfigurations: [] } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: REPO, props: { name: "api", encryptionConfigurations: [{ kmsKey: "k" }] } }).violations).toHaveLength(1);
    });
    it("fires on a value that is not a string, without crashing", () => {
        expect(checkResource(policy, { type: REPO, props: { name: "api", encryptionConfigurations: [{ encryptionType: 1 }] } }).violations).toEqual([expect.stringContaining("not a string")]);
    });
    it("reports a type unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: REPO, props: { name: "api", encryptionConfigurations: [{ encryptionType: UNKNOWN }] } }).unknown).toBeDefined();
    });
    it("takes the accepted types from config", () => {
        expect(checkResource(policy, { type: REPO, props: { name: "api" }, config: { allowedEncryptionTypes: ["AES256", "KMS"] } }).violations).toEqual([]);
        expect(checkResource(policy, { type: REPO, props: repository, config: { allowedEncryptionTypes: ["KMS_DSSE"] } }).violations).toHaveLength(1);
    });
});
