import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/redshift/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:redshift/cluster:Cluster";
const cluster: aws.redshift.ClusterArgs = { clusterIdentifier: "analytics", nodeType: "ra3.xlplus", encrypted: "true" };

describe("aws-redshift-require-encryption", () => {
    it("passes an encrypted cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes when omitted: Redshift encrypts new clusters by default", () => {
        const { encrypted: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([]);
    });
    it("fires on encrypted \"false\"", () => expect(checkResource(policy, { type: T, name: "dw", props: { ...cluster, encrypted: "false" } }).violations)
        .toEqual([expect.stringContaining("Redshift cluster 'dw' sets encrypted to false")]));
    it("fires on a boolean false too", () => expect(checkResource(policy, { type: T, props: { ...cluster, encrypted: false } }).violations).toHaveLength(1));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, encrypted: "yes" } }).violations).toEqual([expect.stringContaining("not a boolean")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, encrypted: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "legacy-dw", props: { ...cluster, encrypted: "false" }, config: { exemptions: [{ resource: "legacy-*", reason: "retired in Q3" }] } }).notApplicable)
        .toContain("retired in Q3"));
});
