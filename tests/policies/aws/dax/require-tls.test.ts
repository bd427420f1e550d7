import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/dax/require-tls";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:dax/cluster:Cluster";
const cluster: aws.dax.ClusterArgs = { clusterName: "sessions", iamRoleArn: "arn:aws:iam::123456789012:role/dax", nodeType: "dax.r5.large", replicationFactor: 3, clusterEndpointEncryptionType: "TLS" };

describe("aws-dax-require-tls", () => {
    it("passes TLS", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires on NONE", () => expect(checkResource(policy, { type: T, name: "sessions", props: { ...cluster, clusterEndpointEncryptionType: "NONE" } }).violations)
        .toEqual([expect.stringContaining("DAX cluster 'sessions' sets clusterEndpointEncryptionType to \"NONE\"")]));
    it("fires when omitted (NONE) or empty", () => {
        const { clusterEndpointEncryptionType: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([expect.stringContaining("omits clusterEndpointEncryptionType")]);
        expect(checkResource(policy, { type: T, props: { ...cluster, clusterEndpointEncryptionType: "" } }).violations).toEqual([expect.stringContaining("omits clusterEndpointEncryptionType")]);
    });
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, clusterEndpointEncryptionType: true } }).violations).toEqual([expect.stringContaining("not a string")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, clusterEndpointEncryptionType: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "perf-dax", props: { ...cluster, clusterEndpointEncryptionType: "NONE" }, config: { exemptions: [{ resource: "perf-*", reason: "load test only" }] } }).notApplicable)
        .toContain("load test only"));
});
