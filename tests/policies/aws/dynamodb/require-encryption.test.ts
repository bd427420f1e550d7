import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/dynamodb/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:dynamodb/table:Table";
const table: aws.dynamodb.TableArgs = { hashKey: "id", serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" } };
const CMK = { requireCustomerManagedKey: true };

describe("aws-dynamodb-require-encryption", () => {
    it("passes any table by default (always encrypted with an AWS owned key)", () => {
        expect(checkResource(policy, { type: T, props: { hashKey: "id" } }).violations).toEqual([]);
    });
    it("passes a customer managed key when one is required", () => expect(checkResource(policy, { type: T, props: table, config: CMK }).violations).toEqual([]));
    it("fires on the AWS managed key or an AWS owned key when a customer managed key is required", () => {
        expect(checkResource(policy, { type: T, props: { serverSideEncryption: { enabled: true } }, config: CMK }).violations).toEqual([expect.stringContaining("AWS managed key")]);
        expect(checkResource(policy, { type: T, props: { serverSideEncryption: { enabled: false } }, config: CMK }).violations).toEqual([expect.stringContaining("AWS owned key")]);
        expect(checkResource(policy, { type: T, props: { hashKey: "id" }, config: CMK }).violations).toEqual([expect.stringContaining("omits serverSideEncryption")]);
        expect(checkResource(policy, { type: T, props: { serverSideEncryption: "kms" }, config: CMK }).violations).toEqual([expect.stringContaining("not an object")]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN } }, config: CMK }).unknown).toBeDefined());
});
