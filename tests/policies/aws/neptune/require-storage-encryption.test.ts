import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/neptune/require-storage-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:neptune/cluster:Cluster";
const cluster: aws.neptune.ClusterArgs = { engine: "neptune", storageEncrypted: true };

describe("aws-neptune-require-storage-encryption", () => {
    it("passes an encrypted cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, name: "graph", props: { ...cluster, storageEncrypted: false } }).violations)
        .toEqual([expect.stringContaining("Neptune cluster 'graph' sets storageEncrypted to false")]));
    it("fires when omitted (unencrypted by default)", () => expect(checkResource(policy, { type: T, props: { engine: "neptune" } }).violations)
        .toEqual([expect.stringContaining("omits storageEncrypted, which Neptune leaves unencrypted")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: 1 } }).violations).toEqual([expect.stringContaining("not a boolean")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "scratch-graph", props: { engine: "neptune" }, config: { exemptions: [{ resource: "scratch-*", reason: "synthetic data only" }] } }).notApplicable)
        .toContain("synthetic data only"));
});
