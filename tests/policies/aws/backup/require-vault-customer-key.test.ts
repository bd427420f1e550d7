import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/backup/require-vault-customer-key";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const VAULT = "aws:backup/vault:Vault";
const vault: aws.backup.VaultArgs = { kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };

describe("aws-backup-require-vault-customer-key", () => {
    it("passes a vault with a customer-managed key, also one unknown during preview", () => {
        expect(checkResource(policy, { type: VAULT, props: vault }).violations).toEqual([]);
        expect(checkResource(policy, { type: VAULT, props: { kmsKeyArn: UNKNOWN } })).toEqual({ violations: [] });
    });
    it("fires on a vault without a key (omitted or empty)", () => {
        expect(checkResource(policy, { type: VAULT, name: "app-backups", props: {} }).violations)
            .toEqual(["backup vault 'app-backups' sets no kmsKeyArn, so its recovery points are encrypted with the AWS managed key aws/backup: set kmsKeyArn to a customer-managed KMS key."]);
        expect(checkResource(policy, { type: VAULT, props: { kmsKeyArn: " " } }).violations).toHaveLength(1);
    });
    it("fires on the AWS managed key named by alias", () => {
        expect(checkResource(policy, { type: VAULT, props: { kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/aws/backup" } }).violations)
            .toEqual([expect.stringContaining("AWS managed key alias")]);
    });
    it("accepts the AWS managed key when config allows it", () => {
        expect(checkResource(policy, { type: VAULT, props: {}, config: { requireCustomerManagedKey: false } }).violations).toEqual([]);
    });
});
