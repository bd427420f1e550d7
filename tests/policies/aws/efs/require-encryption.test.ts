import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/efs/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:efs/fileSystem:FileSystem";
const fs: aws.efs.FileSystemArgs = { encrypted: true };

describe("aws-efs-require-encryption", () => {
    it("passes an encrypted file system", () => expect(checkResource(policy, { type: T, props: fs }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, name: "f", props: { encrypted: false } }).violations).toEqual([expect.stringContaining("EFS file system 'f' sets encrypted to false")]));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: {} }).violations).toEqual([expect.stringContaining("omits encrypted")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { encrypted: UNKNOWN } }).unknown).toBeDefined());
});
