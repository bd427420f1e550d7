import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/dynamodb/require-deletion-protection";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:dynamodb/table:Table";
const table: aws.dynamodb.TableArgs = { hashKey: "id", attributes: [{ name: "id", type: "S" }], deletionProtectionEnabled: true };

describe("aws-dynamodb-require-deletion-protection", () => {
    it("passes", () => expect(checkResource(policy, { type: T, props: table }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, props: { ...table, deletionProtectionEnabled: false } }).violations).toHaveLength(1));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: { hashKey: "id" } }).violations).toEqual([expect.stringContaining("omits deletionProtectionEnabled")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...table, deletionProtectionEnabled: UNKNOWN } }).unknown).toBeDefined());
});
