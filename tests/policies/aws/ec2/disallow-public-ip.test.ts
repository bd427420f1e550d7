import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ec2/disallow-public-ip";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const INSTANCE = "aws:ec2/instance:Instance";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
const SUBNET = "aws:ec2/subnet:Subnet";

const instance: aws.ec2.InstanceArgs = { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", subnetId: "subnet-1", associatePublicIpAddress: false };
const template: aws.ec2.LaunchTemplateArgs = { imageId: "ami-0123456789abcdef0", networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", subnetId: "subnet-1" }] };
const configuration: aws.ec2.LaunchConfigurationArgs = { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", associatePublicIpAddress: false };
const subnet: aws.ec2.SubnetArgs = { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: false, tags: { Name: "app-private-a" } };

describe("aws-ec2-disallow-public-ip", () => {
    it("passes private instances, templates, configurations and subnets", () => {
        expect(checkResource(policy, { type: INSTANCE, props: instance }).violations).toEqual([]);
        expect(checkResource(policy, { type: TEMPLATE, props: template }).violations).toEqual([]);
        expect(checkResource(policy, { type: CONFIGURATION, props: configuration }).violations).toEqual([]);
        expect(checkResource(policy, { type: SUBNET, props: subnet }).violations).toEqual([]);
    });

    it("passes when omitted: the instance follows its subnet, and subnets map no public IP by default", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: TEMPLATE, props: { imageId: "ami-0123456789abcdef0" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: SUBNET, props: { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24" } }).violations).toEqual([]);
    });

    it("fires on an instance or launch configuration with a public IP", () => {
        expect(checkResource(policy, { type: INSTANCE, name: "bastion", props: { ...instance, associatePublicIpAddress: true } }).violations)
            .toEqual([expect.stringContaining("EC2 instance 'bastion' sets associatePublicIpAddress to true, so the instance gets a public IP address")]);
        expect(checkResource(policy, { type: CONFIGURATION, name: "legacy", props: { ...configuration, associatePublicIpAddress: true } }).violations)
            .toEqual([expect.stringContaining("launch configuration 'legacy' sets associatePublicIpAddress to true")]);
    });

    it("fires on a launch template network interface that associates a public IP", () => {
        const props: aws.ec2.LaunchTemplateArgs = { ...template, networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "true" }] };
        expect(checkResource(policy, { type: TEMPLATE, name: "workers", props }).violations)
            .toEqual([expect.stringContaining("launch template 'workers' sets networkInterfaces[0].associatePublicIpAddress to true")]);
    });

    it("fires on a subnet that maps public IPs on launch", () => {
        expect(checkResource(policy, { type: SUBNET, name: "app-public-a", props: { ...subnet, mapPublicIpOnLaunch: true } }).violations)
            .toEqual([expect.stringContaining("subnet 'app-public-a' sets mapPublicIpOnLaunch to true, so every instance launched in it gets a public IP address")]);
        expect(checkResource(policy, { type: "aws:ec2/defaultSubnet:DefaultSubnet", props: { availabilityZone: "us-east-1a", mapPublicIpOnLaunch: true } }).violations).toHaveLength(1);
    });

    it("fires on a value that is not a boolean", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, associatePublicIpAddress: "yes" } }).violations).toEqual([expect.stringContaining("not a boolean")]);
    });

    it("takes the public subnet tiers from config, by Pulumi name or Name tag", () => {
        const nat: aws.ec2.SubnetArgs = { ...subnet, mapPublicIpOnLaunch: true, tags: { Name: "nat-a" } };
        expect(checkResource(policy, { type: SUBNET, name: "edge-a", props: nat }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: SUBNET, name: "edge-a", props: nat, config: { publicSubnets: ["NAT-*"] } }).violations).toEqual([]);
        expect(checkResource(policy, { type: SUBNET, name: "edge-a", props: nat, config: { publicSubnets: ["edge-*"] } }).violations).toEqual([]);
        expect(checkResource(policy, { type: SUBNET, name: "app-a", props: { ...nat, tags: { Name: "app-a" } }, config: { publicSubnets: ["nat-*"] } }).violations).toHaveLength(1);
    });

    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, associatePublicIpAddress: UNKNOWN } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: TEMPLATE, props: { ...template, networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: UNKNOWN }] } }).unknown).toBeDefined();
    });

    it("reads a subnet's tags only when publicSubnets could exempt a subnet that maps public IPs", () => {
        const open: aws.ec2.SubnetArgs = { ...subnet, mapPublicIpOnLaunch: true, tags: UNKNOWN as never };
        expect(checkResource(policy, { type: SUBNET, name: "app-a", props: open }).violations).toEqual([expect.stringContaining("subnet 'app-a' sets mapPublicIpOnLaunch to true")]);
        expect(checkResource(policy, { type: SUBNET, props: { ...subnet, tags: UNKNOWN as never }, config: { publicSubnets: ["nat-*"] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: SUBNET, name: "nat-a", props: open, config: { publicSubnets: ["nat-*"] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: SUBNET, name: "app-a", props: open, config: { publicSubnets: ["nat-*"] } }).unknown).toBeDefined();
    });

    it("reports a public network interface next to one unknown during preview", () => {
        const props: aws.ec2.LaunchTemplateArgs = { ...template, networkInterfaces: [UNKNOWN as never, { deviceIndex: 1, associatePublicIpAddress: "true" }] };
        expect(checkResource(policy, { type: TEMPLATE, name: "web", props }).violations).toEqual([expect.stringContaining("launch template 'web' sets networkInterfaces[1].associatePublicIpAddress to true")]);
    });
});
