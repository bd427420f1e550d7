import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/docdb/require-storage-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:docdb/cluster:Cluster";
const cluster: aws.docdb.ClusterArgs = { engine: "docdb", storageEncrypted: true };

describe("aws-docdb-require-storage-encryption", () => {
    it("passes an encrypted cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: false } }).violations).toHaveLength(1));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: { engine: "docdb" } }).violations).toEqual([expect.stringContaining("omits storageEncrypted")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, storageEncrypted: UNKNOWN } }).unknown).toBeDefined());
});
