import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/memorydb/require-tls";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:memorydb/cluster:Cluster";
const cluster: aws.memorydb.ClusterArgs = { aclName: "app-acl", nodeType: "db.r7g.large", tlsEnabled: true };

describe("aws-memorydb-require-tls", () => {
    it("passes TLS", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes when omitted (TLS by default)", () => expect(checkResource(policy, { type: T, props: { aclName: "app-acl", nodeType: "db.r7g.large" } }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, name: "carts", props: { ...cluster, aclName: "open-access", tlsEnabled: false } }).violations)
        .toEqual([expect.stringContaining("MemoryDB cluster 'carts' sets tlsEnabled to false")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, tlsEnabled: "off" } }).violations).toEqual([expect.stringContaining("not a boolean")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, tlsEnabled: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "bench-carts", props: { ...cluster, tlsEnabled: false }, config: { exemptions: [{ resource: "bench-*", reason: "benchmark only" }] } }).notApplicable)
        .toContain("benchmark only"));
});
