import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/eks/require-control-plane-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:eks/cluster:Cluster";
const cluster: aws.eks.ClusterArgs = {
    roleArn: "arn:aws:iam::123456789012:role/eks",
    vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], endpointPublicAccess: false, endpointPrivateAccess: true },
    enabledClusterLogTypes: ["api", "audit", "authenticator"],
};

describe("aws-eks-require-control-plane-logs", () => {
    it("passes api, audit and authenticator", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes every log type", () => expect(checkResource(policy, { type: T, props: { ...cluster, enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] } }).violations).toEqual([]));
    it("fires when a required type is missing", () => expect(checkResource(policy, { type: T, name: "platform", props: { ...cluster, enabledClusterLogTypes: ["api"] } }).violations)
        .toEqual([expect.stringContaining("EKS cluster 'platform' does not enable every required control-plane log type (missing audit, authenticator)")]));
    it("fires when omitted or empty (no logs)", () => {
        const { enabledClusterLogTypes: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([expect.stringContaining("omits enabledClusterLogTypes, so EKS sends no control-plane logs")]);
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledClusterLogTypes: [] } }).violations).toEqual([expect.stringContaining("omits enabledClusterLogTypes")]);
    });
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, enabledClusterLogTypes: "api,audit" } }).violations).toEqual([expect.stringContaining("not a list")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, enabledClusterLogTypes: UNKNOWN } }).unknown).toBeDefined());
    it("takes the required types from config", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledClusterLogTypes: ["audit"] }, config: { requiredLogTypes: ["audit"] } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: cluster, config: { requiredLogTypes: ["audit", "scheduler"] } }).violations).toEqual([expect.stringContaining("missing scheduler")]);
    });

    it("reads a log type unknown during preview only when a known one is missing", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledClusterLogTypes: [UNKNOWN, "api", "audit", "authenticator"] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledClusterLogTypes: [UNKNOWN, "api"] } }).unknown).toBeDefined();
    });
});
