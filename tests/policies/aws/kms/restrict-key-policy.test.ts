import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/kms/restrict-key-policy";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
type Statement = aws.iam.PolicyStatement;
const document = (...statements: Statement[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const admin: Statement = { Sid: "Account", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const everyone: Statement = { Sid: "Everyone", Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" };

describe("aws-kms-restrict-key-policy", () => {
    it("passes named principals, a wildcard narrowed by a Condition, and a key with the default policy", () => {
        const narrowed: Statement = { ...everyone, Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "s3.us-east-1.amazonaws.com" } } };
        expect(checkResource(policy, { type: KEY, props: { policy: document(admin, narrowed) } satisfies aws.kms.KeyArgs }).violations).toEqual([]);
        expect(checkResource(policy, { type: KEY, props: { enableKeyRotation: true } satisfies aws.kms.KeyArgs }).violations).toEqual([]);
        expect(checkResource(policy, { type: KEY_POLICY, props: { keyId: "k1", policy: document(admin) } satisfies aws.kms.KeyPolicyArgs }).violations).toEqual([]);
    });
    it("fires on { AWS: \"*\" } and \"*\" without a Condition, on a key and on a key policy", () => {
        expect(checkResource(policy, { type: KEY, name: "app-key", props: { policy: document(admin, everyone) } satisfies aws.kms.KeyArgs }).violations)
            .toEqual([expect.stringContaining("KMS key 'app-key' policy statement #2 allows Principal { AWS: \"*\" } without a Condition")]);
        expect(checkResource(policy, { type: KEY_POLICY, name: "kp", props: { keyId: "k1", policy: document({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }) } satisfies aws.kms.KeyPolicyArgs }).violations)
            .toEqual([expect.stringContaining("KMS key policy 'kp' policy statement #1 allows Principal \"*\"")]);
    });
    it("fires on Allow with NotPrincipal", () => {
        const props: aws.kms.KeyPolicyArgs = { keyId: "k1", policy: document({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/x" }, Action: "kms:Decrypt", Resource: "*" }) };
        expect(checkResource(policy, { type: KEY_POLICY, props }).violations).toEqual([expect.stringContaining("NotPrincipal")]);
    });
    it("reports an unreadable policy, and an omitted one on a KeyPolicy", () => {
        expect(checkResource(policy, { type: KEY, props: { policy: "not json" } }).violations).toEqual([expect.stringContaining("is not valid JSON")]);
        expect(checkResource(policy, { type: KEY_POLICY, props: { keyId: "k1" } }).violations).toEqual([expect.stringContaining("is unset")]);
    });
    it("reports a policy unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: KEY, props: { policy: UNKNOWN } satisfies aws.kms.KeyArgs }).unknown).toBeDefined();
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: KEY, name: "shared", props: { policy: document(everyone) }, config: { exemptions: [{ resource: "shared", reason: "public verification key" }] } }).notApplicable).toContain("public verification key");
    });
});
