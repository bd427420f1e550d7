import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ec2/require-imdsv2";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const INSTANCE = "aws:ec2/instance:Instance";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
const SPOT = "aws:ec2/spotInstanceRequest:SpotInstanceRequest";

const instance: aws.ec2.InstanceArgs = { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 } };
const template: aws.ec2.LaunchTemplateArgs = { imageId: "ami-0123456789abcdef0", metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } };
const configuration: aws.ec2.LaunchConfigurationArgs = { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" } };

describe("aws-ec2-require-imdsv2", () => {
    it("passes IMDSv2 required on instances, templates, configurations and spot requests", () => {
        expect(checkResource(policy, { type: INSTANCE, props: instance }).violations).toEqual([]);
        expect(checkResource(policy, { type: TEMPLATE, props: template }).violations).toEqual([]);
        expect(checkResource(policy, { type: CONFIGURATION, props: configuration }).violations).toEqual([]);
        const spot: aws.ec2.SpotInstanceRequestArgs = { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" } };
        expect(checkResource(policy, { type: SPOT, props: spot }).violations).toEqual([]);
    });

    it("passes a metadata service that is turned off, whatever its token setting", () => {
        const off: aws.ec2.LaunchTemplateArgs = { ...template, metadataOptions: { httpEndpoint: "disabled", httpTokens: "optional" } };
        expect(checkResource(policy, { type: TEMPLATE, props: off }).violations).toEqual([]);
    });

    it("fires on httpTokens optional", () => {
        const props: aws.ec2.LaunchTemplateArgs = { ...template, metadataOptions: { httpTokens: "optional" } };
        expect(checkResource(policy, { type: TEMPLATE, name: "workers", props }).violations)
            .toEqual([expect.stringContaining("launch template 'workers' sets metadataOptions.httpTokens to \"optional\", so its instances accept IMDSv1")]);
        const misspelt: aws.ec2.LaunchTemplateArgs = { ...template, metadataOptions: { httpTokens: "requried" } };
        expect(checkResource(policy, { type: TEMPLATE, name: "workers", props: misspelt }).violations)
            .toEqual([expect.stringContaining("sets metadataOptions.httpTokens to \"requried\", which EC2 does not accept (it takes \"required\" or \"optional\")")]);
    });

    it("fires on omitted metadata options or tokens, since the default accepts IMDSv1", () => {
        expect(checkResource(policy, { type: INSTANCE, name: "web", props: { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" } }).violations)
            .toEqual([expect.stringContaining("EC2 instance 'web' omits metadataOptions.httpTokens, so its instances also accept IMDSv1")]);
        expect(checkResource(policy, { type: CONFIGURATION, name: "legacy", props: { ...configuration, metadataOptions: { httpEndpoint: "enabled" } } }).violations)
            .toEqual([expect.stringContaining("launch configuration 'legacy' omits metadataOptions.httpTokens")]);
        expect(checkResource(policy, { type: TEMPLATE, props: { ...template, metadataOptions: { httpTokens: "" } } }).violations).toHaveLength(1);
    });

    it("leaves an instance launched from a template to the template's judgement", () => {
        const fromTemplate: aws.ec2.InstanceArgs = { launchTemplate: { id: "lt-0123456789abcdef0" } };
        expect(checkResource(policy, { type: INSTANCE, props: fromTemplate }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...fromTemplate, metadataOptions: { httpTokens: "optional" } } }).violations).toHaveLength(1);
    });

    it("fires on malformed values", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, metadataOptions: { httpTokens: true } } }).violations).toEqual([expect.stringContaining("not a string")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, metadataOptions: "required" } }).violations).toEqual([expect.stringContaining("not an object")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: "one" } } }).violations)
            .toEqual([expect.stringContaining("not a whole number")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 65 } } }).violations)
            .toEqual([expect.stringContaining("which EC2 rejects (1 to 64)")]);
    });

    it("fires on a hop limit above the maximum, and takes the maximum from config", () => {
        const containers: aws.ec2.LaunchTemplateArgs = { ...template, metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } };
        expect(checkResource(policy, { type: TEMPLATE, name: "nodes", props: containers }).violations)
            .toEqual([expect.stringContaining("launch template 'nodes' sets metadataOptions.httpPutResponseHopLimit to 2, above the maximum 1")]);
        expect(checkResource(policy, { type: TEMPLATE, props: containers, config: { maximumHopLimit: 2 } }).violations).toEqual([]);
    });

    it("reports a token setting unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, metadataOptions: { httpTokens: UNKNOWN } } }).unknown).toBeDefined();
    });

    it("judges the tokens and the hop limit apart: one unknown during preview hides no violation of the other", () => {
        const props: aws.ec2.InstanceArgs = { ...instance, metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: UNKNOWN as never } };
        expect(checkResource(policy, { type: INSTANCE, name: "web", props }).violations).toEqual([expect.stringContaining("EC2 instance 'web' sets metadataOptions.httpTokens to \"optional\"")]);
        const hops: aws.ec2.InstanceArgs = { ...instance, metadataOptions: { httpTokens: UNKNOWN, httpPutResponseHopLimit: 5 } };
        expect(checkResource(policy, { type: INSTANCE, name: "web", props: hops }).violations).toEqual([expect.stringContaining("sets metadataOptions.httpPutResponseHopLimit to 5")]);
    });
});
