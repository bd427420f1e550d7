import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-deletion-protection";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:rds/instance:Instance";
const instance: aws.rds.InstanceArgs = { engine: "postgres", instanceClass: "db.t4g.small", deletionProtection: true };

describe("aws-rds-require-deletion-protection", () => {
    it("passes", () => expect(checkResource(policy, { type: T, props: instance }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: "aws:rds/cluster:Cluster", name: "db", props: { deletionProtection: false } }).violations)
        .toEqual([expect.stringContaining("RDS cluster 'db' sets deletionProtection to false")]));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: { engine: "postgres" } }).violations).toEqual([expect.stringContaining("omits deletionProtection")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { deletionProtection: UNKNOWN } }).unknown).toBeDefined());
});
