import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/disallow-public-access";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const CI = "aws:rds/clusterInstance:ClusterInstance";
const member: aws.rds.ClusterInstanceArgs = { clusterIdentifier: "db", instanceClass: "db.r6g.large", engine: "aurora-postgresql", publiclyAccessible: false };

describe("aws-rds-disallow-public-access", () => {
    it("passes private instances, and omitted (private by default)", () => {
        expect(checkResource(policy, { type: CI, props: member }).violations).toEqual([]);
        expect(checkResource(policy, { type: "aws:rds/instance:Instance", props: { engine: "postgres" } }).violations).toEqual([]);
    });
    it("fires on a public instance", () => expect(checkResource(policy, { type: CI, name: "db-0", props: { ...member, publiclyAccessible: true } }).violations)
        .toEqual([expect.stringContaining("Aurora cluster instance 'db-0' is publicly accessible")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: CI, props: { publiclyAccessible: "maybe" } }).violations).toHaveLength(1));
    it("reports unknown", () => expect(checkResource(policy, { type: CI, props: { publiclyAccessible: UNKNOWN } }).unknown).toBeDefined());
});
