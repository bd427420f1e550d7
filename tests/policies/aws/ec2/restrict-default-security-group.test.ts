import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ec2/restrict-default-security-group";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const locked: aws.ec2.DefaultSecurityGroupArgs = { vpcId: "vpc-1", tags: { Name: "default-locked" } };
const selfIngress: aws.types.input.ec2.DefaultSecurityGroupIngress = { protocol: "-1", fromPort: 0, toPort: 0, self: true };
const allEgress: aws.types.input.ec2.DefaultSecurityGroupEgress = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };

describe("aws-ec2-restrict-default-security-group", () => {
    it("passes a default group without rules (omitted: the provider removes them all)", () => {
        expect(checkResource(policy, { type: T, props: locked }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...locked, ingress: [], egress: [] } }).violations).toEqual([]);
    });

    it("fires on ingress rules", () => {
        expect(checkResource(policy, { type: T, name: "default", props: { ...locked, ingress: [selfIngress] } }).violations)
            .toEqual([expect.stringContaining("default security group 'default' declares 1 ingress rule(s): remove ingress")]);
    });

    it("fires on egress rules, the AWS default of every new VPC", () => {
        expect(checkResource(policy, { type: T, props: { ...locked, ingress: [selfIngress], egress: [allEgress] } }).violations).toHaveLength(2);
        expect(checkResource(policy, { type: T, props: { ...locked, egress: [allEgress] } }).violations).toEqual([expect.stringContaining("declares 1 egress rule(s)")]);
    });

    it("fires on a value that is not a list", () => {
        expect(checkResource(policy, { type: T, props: { ...locked, ingress: "all" } }).violations).toEqual([expect.stringContaining("declares ingress")]);
    });

    it("reports rules unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: T, props: { ...locked, ingress: UNKNOWN } }).unknown).toBeDefined();
    });

    it("is exempted by config", () => {
        const verdict = checkResource(policy, { type: T, name: "legacy-default", props: { ...locked, egress: [allEgress] }, config: { exemptions: [{ resource: "legacy-*", reason: "migrating workloads out of the default group" }] } });
        expect(verdict.notApplicable).toContain("migrating workloads");
    });
});
