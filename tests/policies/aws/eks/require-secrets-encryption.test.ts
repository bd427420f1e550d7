import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/eks/require-secrets-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:eks/cluster:Cluster";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const cluster: aws.eks.ClusterArgs = {
    roleArn: "arn:aws:iam::123456789012:role/eks",
    vpcConfig: { subnetIds: ["subnet-a", "subnet-b"] },
    encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } },
};
const withConfig = (encryptionConfig: unknown) => ({ ...cluster, encryptionConfig });

describe("aws-eks-require-secrets-encryption", () => {
    it("passes secrets encrypted with a KMS key", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes a key ARN unknown during preview: only its presence is judged", () => {
        expect(checkResource(policy, { type: T, props: withConfig({ resources: ["secrets"], provider: { keyArn: UNKNOWN } }) })).toEqual({ violations: [] });
    });
    it("fires when encryptionConfig is omitted", () => {
        const { encryptionConfig: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, name: "platform", props: rest }).violations).toEqual([expect.stringContaining("EKS cluster 'platform' declares no encryptionConfig")]);
    });
    it("fires when secrets are not among the resources", () => {
        expect(checkResource(policy, { type: T, props: withConfig({ resources: [], provider: { keyArn: KEY } }) }).violations).toEqual([expect.stringContaining("does not list \"secrets\"")]);
        expect(checkResource(policy, { type: T, props: withConfig({ resources: "secrets", provider: { keyArn: KEY } }) }).violations).toHaveLength(1);
    });
    it("fires when no key is named", () => {
        expect(checkResource(policy, { type: T, props: withConfig({ resources: ["secrets"], provider: {} }) }).violations).toEqual([expect.stringContaining("names no KMS key")]);
        expect(checkResource(policy, { type: T, props: withConfig({ resources: ["secrets"] }) }).violations).toEqual([expect.stringContaining("names no KMS key")]);
    });
    it("fires on a malformed encryptionConfig, without crashing", () => {
        expect(checkResource(policy, { type: T, props: withConfig([{ resources: ["secrets"] }]) }).violations).toEqual([expect.stringContaining("sets encryptionConfig to a list")]);
    });
    it("reports the resources unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: withConfig({ resources: UNKNOWN, provider: { keyArn: KEY } }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
    it("is exempted by config", () => {
        const { encryptionConfig: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, name: "sandbox", props: rest, config: { exemptions: [{ resource: "sandbox", reason: "no workload secrets" }] } }).notApplicable).toBeDefined();
    });

    it("judges what is encrypted and the key apart: one unknown during preview hides no violation of the other", () => {
        expect(checkResource(policy, { type: T, name: "main", props: withConfig({ resources: UNKNOWN, provider: {} }) }).violations).toEqual([expect.stringContaining("EKS cluster 'main' names no KMS key")]);
        expect(checkResource(policy, { type: T, props: withConfig({ resources: [UNKNOWN, "secrets"], provider: { keyArn: UNKNOWN } }) })).toEqual({ violations: [] });
    });
});
