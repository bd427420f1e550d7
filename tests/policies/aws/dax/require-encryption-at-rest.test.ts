import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/dax/require-encryption-at-rest";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:dax/cluster:Cluster";
const cluster: aws.dax.ClusterArgs = { clusterName: "sessions", iamRoleArn: "arn:aws:iam::123456789012:role/dax", nodeType: "dax.r5.large", replicationFactor: 3, serverSideEncryption: { enabled: true } };

describe("aws-dax-require-encryption-at-rest", () => {
    it("passes an encrypted cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires on enabled false", () => expect(checkResource(policy, { type: T, name: "sessions", props: { ...cluster, serverSideEncryption: { enabled: false } } }).violations)
        .toEqual([expect.stringContaining("DAX cluster 'sessions' sets serverSideEncryption.enabled to false")]));
    it("fires when the block is omitted", () => {
        const { serverSideEncryption: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([expect.stringContaining("omits serverSideEncryption.enabled, which DAX leaves unencrypted")]);
    });
    it("fires on an empty block", () => expect(checkResource(policy, { type: T, props: { ...cluster, serverSideEncryption: {} } }).violations).toEqual([expect.stringContaining("omits serverSideEncryption.enabled")]));
    it("fires on a malformed block", () => expect(checkResource(policy, { type: T, props: { ...cluster, serverSideEncryption: "on" } }).violations).toEqual([expect.stringContaining("not a block")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, serverSideEncryption: { enabled: UNKNOWN } } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "perf-dax", props: { ...cluster, serverSideEncryption: { enabled: false } }, config: { exemptions: [{ resource: "perf-*", reason: "load test only" }] } }).notApplicable)
        .toContain("load test only"));
});
