import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/secretsmanager/require-customer-managed-key";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const SECRET = "aws:secretsmanager/secret:Secret";
const secret: aws.secretsmanager.SecretArgs = { name: "app/prod/api-key", kmsKeyId: "alias/app-secrets", recoveryWindowInDays: 30 };

describe("aws-secretsmanager-require-customer-managed-key", () => {
    it("passes a secret with a customer-managed key, also one unknown during preview", () => {
        expect(checkResource(policy, { type: SECRET, props: secret }).violations).toEqual([]);
        expect(checkResource(policy, { type: SECRET, props: { ...secret, kmsKeyId: UNKNOWN } })).toEqual({ violations: [] });
    });
    it("fires on a secret without a key (omitted or empty)", () => {
        const { kmsKeyId: _, ...omitted } = secret;
        expect(checkResource(policy, { type: SECRET, name: "api-key", props: omitted }).violations)
            .toEqual([expect.stringContaining("secret 'api-key' sets no kmsKeyId, so it is encrypted with the AWS managed key aws/secretsmanager")]);
        expect(checkResource(policy, { type: SECRET, props: { ...secret, kmsKeyId: "" } }).violations).toHaveLength(1);
    });
    it("fires on the AWS managed key named by alias", () => {
        expect(checkResource(policy, { type: SECRET, props: { ...secret, kmsKeyId: "alias/aws/secretsmanager" } }).violations).toEqual([expect.stringContaining("AWS managed key alias")]);
    });
    it("accepts the AWS managed key when config allows it", () => {
        expect(checkResource(policy, { type: SECRET, props: { name: "x" }, config: { requireCustomerManagedKey: false } }).violations).toEqual([]);
    });
});
