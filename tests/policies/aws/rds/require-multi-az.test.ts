import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-multi-az";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:rds/instance:Instance";
const instance: aws.rds.InstanceArgs = { engine: "postgres", instanceClass: "db.t4g.small", multiAz: true };

describe("aws-rds-require-multi-az", () => {
    it("passes", () => expect(checkResource(policy, { type: T, props: instance }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, props: { ...instance, multiAz: false } }).violations).toHaveLength(1));
    it("fires when omitted (single-AZ)", () => expect(checkResource(policy, { type: T, props: { engine: "postgres" } }).violations).toEqual([expect.stringContaining("omits multiAz")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { multiAz: UNKNOWN } }).unknown).toBeDefined());
});
