import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ebs/require-encryption-by-default";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ebs/encryptionByDefault:EncryptionByDefault";
const on: aws.ebs.EncryptionByDefaultArgs = { enabled: true };

describe("aws-ebs-require-encryption-by-default", () => {
    it("passes enabled true", () => expect(checkResource(policy, { type: T, props: on }).violations).toEqual([]));
    it("passes enabled omitted: it defaults to true", () => expect(checkResource(policy, { type: T, props: {} }).violations).toEqual([]));
    it("fires on enabled false", () => {
        expect(checkResource(policy, { type: T, name: "account-ebs", props: { enabled: false } }).violations)
            .toEqual([expect.stringContaining("EBS encryption by default 'account-ebs' sets enabled to false")]);
        expect(checkResource(policy, { type: T, props: { enabled: "false" } }).violations).toHaveLength(1);
    });
    it("fires on a malformed value, without crashing", () => {
        expect(checkResource(policy, { type: T, props: { enabled: "off" } }).violations).toEqual([expect.stringContaining("a string, not a boolean")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: { enabled: UNKNOWN } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "sandbox-ebs", props: { enabled: false }, config: { exemptions: [{ resource: "sandbox-*", reason: "sandbox account" }] } }).notApplicable).toBeDefined();
    });
});
