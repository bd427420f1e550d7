import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/redshift/disallow-public-access";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:redshift/cluster:Cluster";
const cluster: aws.redshift.ClusterArgs = { clusterIdentifier: "analytics", nodeType: "ra3.xlplus", publiclyAccessible: false };

describe("aws-redshift-disallow-public-access", () => {
    it("passes a private cluster", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes when omitted (private by default)", () => expect(checkResource(policy, { type: T, props: { clusterIdentifier: "analytics", nodeType: "ra3.xlplus" } }).violations).toEqual([]));
    it("fires on a public cluster", () => expect(checkResource(policy, { type: T, name: "dw", props: { ...cluster, publiclyAccessible: true } }).violations)
        .toEqual([expect.stringContaining("Redshift cluster 'dw' is publicly accessible: set publiclyAccessible: false")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...cluster, publiclyAccessible: "sometimes" } }).violations).toEqual([expect.stringContaining("not a boolean")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...cluster, publiclyAccessible: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "bi-dw", props: { ...cluster, publiclyAccessible: true }, config: { exemptions: [{ resource: "bi-dw", reason: "partner BI access until 2027" }] } }).notApplicable)
        .toContain("partner BI access"));
});
