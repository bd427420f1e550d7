import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecr/require-immutable-tags";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ecr/repository:Repository";
const repo: aws.ecr.RepositoryArgs = { imageTagMutability: "IMMUTABLE" };

describe("aws-ecr-require-immutable-tags", () => {
    it("passes IMMUTABLE and IMMUTABLE_WITH_EXCLUSION", () => {
        expect(checkResource(policy, { type: T, props: repo }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" } }).violations).toEqual([]);
    });
    it("fires on MUTABLE", () => expect(checkResource(policy, { type: T, props: { imageTagMutability: "MUTABLE" } }).violations).toEqual([expect.stringContaining("lets tags be overwritten")]));
    it("fires when omitted (MUTABLE)", () => expect(checkResource(policy, { type: T, props: {} }).violations).toEqual([expect.stringContaining("omits imageTagMutability")]));
    it("treats an empty imageTagMutability as omitted (MUTABLE)", () => expect(checkResource(policy, { type: T, props: { imageTagMutability: "" } satisfies aws.ecr.RepositoryArgs }).violations).toEqual([expect.stringContaining("omits imageTagMutability")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { imageTagMutability: 1 } }).violations).toHaveLength(1));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { imageTagMutability: UNKNOWN } }).unknown).toBeDefined());
});
