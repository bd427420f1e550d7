import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/kms/require-key-rotation";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const KEY = "aws:kms/key:Key";
const key = (mutate?: (a: aws.kms.KeyArgs) => void): aws.kms.KeyArgs => {
    const args: aws.kms.KeyArgs = { description: "app data", enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30 };
    mutate?.(args);
    return args;
};

describe("aws-kms-require-key-rotation", () => {
    it("passes yearly rotation, explicit or by default period", () => {
        expect(checkResource(policy, { type: KEY, props: key() }).violations).toEqual([]);
        expect(checkResource(policy, { type: KEY, props: key((k) => { delete k.rotationPeriodInDays; }) }).violations).toEqual([]);
    });
    it("fires when rotation is off or omitted", () => {
        expect(checkResource(policy, { type: KEY, name: "data", props: key((k) => { k.enableKeyRotation = false; }) }).violations).toEqual([expect.stringContaining("KMS key 'data' does not rotate")]);
        expect(checkResource(policy, { type: KEY, props: key((k) => { delete k.enableKeyRotation; }) }).violations).toEqual([expect.stringContaining("unset, default false")]);
    });
    it("fires on a period longer than the maximum", () => {
        expect(checkResource(policy, { type: KEY, props: key((k) => { k.rotationPeriodInDays = 730; }) }).violations).toEqual([expect.stringContaining("rotates every 730 days")]);
    });
    it("fires on a period that is not a number, without crashing", () => {
        expect(checkResource(policy, { type: KEY, props: { ...key(), rotationPeriodInDays: "yearly" } }).violations).toEqual([expect.stringContaining("not a number of days")]);
    });
    it("skips asymmetric and HMAC keys, which cannot rotate", () => {
        expect(checkResource(policy, { type: KEY, props: key((k) => { k.customerMasterKeySpec = "RSA_2048"; k.keyUsage = "SIGN_VERIFY"; delete k.enableKeyRotation; }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: KEY, props: key((k) => { k.customerMasterKeySpec = "HMAC_256"; k.keyUsage = "GENERATE_VERIFY_MAC"; delete k.enableKeyRotation; }) }).violations).toEqual([]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: KEY, props: { ...key(), enableKeyRotation: UNKNOWN } }).unknown).toBeDefined();
    });
    it("takes the maximum period from config", () => {
        expect(checkResource(policy, { type: KEY, props: key(), config: { maximumRotationDays: 180 } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: KEY, props: key((k) => { delete k.rotationPeriodInDays; }), config: { maximumRotationDays: 180 } }).violations).toEqual([expect.stringContaining("rotationPeriodInDays unset")]);
    });

    it("reads a custom key store id unknown during preview only as set", () => {
        expect(checkResource(policy, { type: KEY, props: key((a) => { a.enableKeyRotation = false; a.customKeyStoreId = UNKNOWN; }) })).toEqual({ violations: [] });
    });
});
