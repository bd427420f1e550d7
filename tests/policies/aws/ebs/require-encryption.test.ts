import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ebs/require-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const VOLUME = "aws:ebs/volume:Volume";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE = "aws:ec2/instance:Instance";
const LC = "aws:ec2/launchConfiguration:LaunchConfiguration";
const volume: aws.ebs.VolumeArgs = { availabilityZone: "us-east-1a", size: 20, encrypted: true };
const template: aws.ec2.LaunchTemplateArgs = {
    imageId: "ami-123", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "true" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }],
};
const instance: aws.ec2.InstanceArgs = {
    ami: "ami-123", instanceType: "t3.micro",
    rootBlockDevice: { encrypted: true, volumeSize: 20 },
    ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, volumeSize: 50 }],
};
const launchConfiguration: aws.ec2.LaunchConfigurationArgs = {
    imageId: "ami-123", instanceType: "t3.micro",
    rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }],
};

describe("aws-ebs-require-encryption", () => {
    it("passes encrypted volumes, launch template devices, instance and launch configuration devices", () => {
        expect(checkResource(policy, { type: VOLUME, props: volume }).violations).toEqual([]);
        expect(checkResource(policy, { type: LT, props: template }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: instance }).violations).toEqual([]);
        expect(checkResource(policy, { type: LC, props: launchConfiguration }).violations).toEqual([]);
    });
    it("fires on an unencrypted volume", () => expect(checkResource(policy, { type: VOLUME, props: { ...volume, encrypted: false } }).violations).toHaveLength(1));
    it("fires on a launch template device with ebs.encrypted false or omitted", () => {
        const props: aws.ec2.LaunchTemplateArgs = { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }, { deviceName: "/dev/sdc", ebs: { volumeSize: 10 } }] };
        expect(checkResource(policy, { type: LT, name: "lt", props }).violations).toEqual([
            expect.stringContaining("block device '/dev/xvda' of launch template 'lt' sets ebs.encrypted to false"),
            expect.stringContaining("block device '/dev/sdc' of launch template 'lt' omits ebs.encrypted"),
        ]);
    });
    it("fires on an instance's unencrypted root and EBS block devices", () => {
        const props: aws.ec2.InstanceArgs = { ...instance, rootBlockDevice: { encrypted: false }, ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50 }] };
        expect(checkResource(policy, { type: INSTANCE, name: "worker", props }).violations).toEqual([
            expect.stringContaining("the root block device of EC2 instance 'worker' sets rootBlockDevice.encrypted to false"),
            expect.stringContaining("EBS block device '/dev/sdf' of EC2 instance 'worker' omits encrypted"),
        ]);
    });
    it("fires on a launch configuration's unencrypted devices", () => {
        const props: aws.ec2.LaunchConfigurationArgs = { ...launchConfiguration, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] };
        expect(checkResource(policy, { type: LC, name: "lc", props }).violations).toEqual([expect.stringContaining("EBS block device '/dev/sdf' of launch configuration 'lc' sets encrypted to false")]);
    });
    it("fires on an instance without rootBlockDevice, whose root volume follows the AMI's mapping", () => {
        const { rootBlockDevice: _, ...rest } = instance;
        expect(checkResource(policy, { type: INSTANCE, name: "worker", props: rest }).violations)
            .toEqual([expect.stringContaining("EC2 instance 'worker' declares no rootBlockDevice, so its root volume follows the AMI's block device mapping")]);
        expect(checkResource(policy, { type: LC, props: { ...launchConfiguration, rootBlockDevice: undefined } }).violations).toHaveLength(1);
    });
    it("fires on an omitted volume setting", () => expect(checkResource(policy, { type: VOLUME, props: { availabilityZone: "us-east-1a", size: 20 } }).violations).toEqual([expect.stringContaining("omits encrypted")]));
    it("passes omitted settings when the account encrypts by default, but not an explicit false", () => {
        const config = { encryptionByDefault: true };
        const { rootBlockDevice: _, ...rest } = instance;
        expect(checkResource(policy, { type: INSTANCE, props: rest, config }).violations).toEqual([]);
        expect(checkResource(policy, { type: VOLUME, props: { availabilityZone: "us-east-1a", size: 20 }, config }).violations).toEqual([]);
        expect(checkResource(policy, { type: VOLUME, props: { ...volume, encrypted: false }, config }).violations).toHaveLength(1);
    });
    it("reports unknown", () => {
        expect(checkResource(policy, { type: VOLUME, props: { ...volume, encrypted: UNKNOWN } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, rootBlockDevice: { encrypted: UNKNOWN } } }).unknown).toBeDefined();
    });

    it("reports an unencrypted device next to values unknown during preview, naming it by position while its name is unknown", () => {
        const lt: aws.ec2.LaunchTemplateArgs = { imageId: "ami-123", blockDeviceMappings: [UNKNOWN as never, { deviceName: UNKNOWN, ebs: { volumeSize: 20, encrypted: "false" } }] };
        expect(checkResource(policy, { type: LT, name: "web", props: lt }).violations).toEqual([expect.stringContaining("block device #2 of launch template 'web' sets ebs.encrypted to false")]);
        const host: aws.ec2.InstanceArgs = { ...instance, rootBlockDevice: UNKNOWN as never, ebsBlockDevices: [{ deviceName: UNKNOWN, encrypted: false }] };
        expect(checkResource(policy, { type: INSTANCE, name: "app", props: host }).violations).toEqual([expect.stringContaining("EBS block device #1 of EC2 instance 'app' sets encrypted to false")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, ebsBlockDevices: [{ deviceName: UNKNOWN, encrypted: true }] } })).toEqual({ violations: [] });
    });
    describe("with requireCustomerManagedKey (off by default)", () => {
        const config = { requireCustomerManagedKey: true };
        const withKey = { ...volume, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" };
        it("accepts the AWS managed key by default", () => {
            expect(checkResource(policy, { type: VOLUME, props: { ...volume, kmsKeyId: undefined } }).violations).toEqual([]);
        });
        it("passes a customer-managed key, also one unknown during preview", () => {
            expect(checkResource(policy, { type: VOLUME, props: withKey, config }).violations).toEqual([]);
            expect(checkResource(policy, { type: VOLUME, props: { ...withKey, kmsKeyId: UNKNOWN }, config })).toEqual({ violations: [] });
        });
        it("fires on the AWS managed key, omitted or named by alias", () => {
            expect(checkResource(policy, { type: VOLUME, name: "store", props: { ...volume, kmsKeyId: undefined }, config }).violations)
                .toEqual(["EBS volume 'store' sets no kmsKeyId, so it is encrypted with the AWS managed key aws/ebs: set kmsKeyId to a customer-managed KMS key."]);
            expect(checkResource(policy, { type: VOLUME, props: { ...withKey, kmsKeyId: "alias/aws/ebs" }, config }).violations)
                .toEqual([expect.stringContaining("sets kmsKeyId to an AWS managed key alias")]);
        });
        it("reports only the missing encryption when encryption is off", () => {
            expect(checkResource(policy, { type: VOLUME, props: { ...volume, encrypted: false }, config }).violations).toHaveLength(1);
        });
    });
});
