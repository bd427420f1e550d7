import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ebs/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const VOLUME = "aws:ebs/volume:Volume";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const volume: aws.ebs.VolumeArgs = { availabilityZone: "us-east-1a", size: 20, encrypted: true };
const template: aws.ec2.LaunchTemplateArgs = {
    imageId: "ami-123", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "true" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }],
};

describe("aws-ebs-require-encryption", () => {
    it("passes encrypted volumes and launch template devices", () => {
        expect(checkResource(policy, { type: VOLUME, props: volume }).violations).toEqual([]);
        expect(checkResource(policy, { type: LT, props: template }).violations).toEqual([]);
    });
    it("fires on an unencrypted volume", () => expect(checkResource(policy, { type: VOLUME, props: { ...volume, encrypted: false } }).violations).toHaveLength(1));
    it("fires on a launch template device with ebs.encrypted false or omitted", () => {
        const props: aws.ec2.LaunchTemplateArgs = { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }, { deviceName: "/dev/sdc", ebs: { volumeSize: 10 } }] };
        expect(checkResource(policy, { type: LT, name: "lt", props }).violations).toEqual([
            expect.stringContaining("block device '/dev/xvda' of launch template 'lt' sets ebs.encrypted to false"),
            expect.stringContaining("block device '/dev/sdc' of launch template 'lt' omits ebs.encrypted"),
        ]);
    });
    it("fires on an omitted volume setting", () => expect(checkResource(policy, { type: VOLUME, props: { availabilityZone: "us-east-1a", size: 20 } }).violations).toEqual([expect.stringContaining("omits encrypted")]));
    it("reports unknown", () => expect(checkResource(policy, { type: VOLUME, props: { ...volume, encrypted: UNKNOWN } }).unknown).toBeDefined());
});
