import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/efs/disallow-one-zone";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const FS = "aws:efs/fileSystem:FileSystem";
const regional: aws.efs.FileSystemArgs = { encrypted: true, performanceMode: "generalPurpose" };

describe("aws-efs-disallow-one-zone", () => {
    it("passes a Regional file system (availabilityZoneName omitted or empty)", () => {
        expect(checkResource(policy, { type: FS, props: regional }).violations).toEqual([]);
        expect(checkResource(policy, { type: FS, props: { ...regional, availabilityZoneName: "" } }).violations).toEqual([]);
    });
    it("fires on a One Zone file system, naming its zone", () => {
        expect(checkResource(policy, { type: FS, name: "shared", props: { ...regional, availabilityZoneName: "us-east-1a" } }).violations)
            .toEqual(["EFS file system 'shared' uses One Zone storage (us-east-1a), which keeps its data in a single availability zone: leave availabilityZoneName out for Regional storage."]);
    });
    it("fires on a zone unknown during preview, which is One Zone whatever its value", () => {
        const verdict = checkResource(policy, { type: FS, props: { ...regional, availabilityZoneName: UNKNOWN } });
        expect(verdict.violations).toEqual([expect.stringContaining("uses One Zone storage, which")]);
        expect(verdict.unknown).toBeUndefined();
    });
    it("takes exemptions from config", () => {
        const verdict = checkResource(policy, { type: FS, name: "scratch", props: { availabilityZoneName: "us-east-1a" }, config: { exemptions: [{ resource: "scratch", reason: "rebuilt from S3 nightly" }] } });
        expect(verdict.notApplicable).toContain("rebuilt from S3 nightly");
    });
});
