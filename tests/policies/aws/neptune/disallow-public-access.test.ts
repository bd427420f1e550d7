import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/neptune/disallow-public-access";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:neptune/clusterInstance:ClusterInstance";
const instance: aws.neptune.ClusterInstanceArgs = { clusterIdentifier: "graph", instanceClass: "db.r6g.large", publiclyAccessible: false };

describe("aws-neptune-disallow-public-access", () => {
    it("passes a private instance", () => expect(checkResource(policy, { type: T, props: instance }).violations).toEqual([]));
    it("passes when omitted (private by default)", () => expect(checkResource(policy, { type: T, props: { clusterIdentifier: "graph", instanceClass: "db.r6g.large" } }).violations).toEqual([]));
    it("fires on a public instance", () => expect(checkResource(policy, { type: T, name: "graph-0", props: { ...instance, publiclyAccessible: true } }).violations)
        .toEqual([expect.stringContaining("Neptune cluster instance 'graph-0' is publicly accessible")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...instance, publiclyAccessible: "no" } }).violations).toEqual([expect.stringContaining("not a boolean")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...instance, publiclyAccessible: UNKNOWN } }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "demo-0", props: { ...instance, publiclyAccessible: true }, config: { exemptions: [{ resource: "demo-*", reason: "public demo dataset" }] } }).notApplicable)
        .toContain("public demo dataset"));
});
