import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ec2/disallow-public-admin-ports";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const SG = "aws:ec2/securityGroup:SecurityGroup";
type Ingress = aws.types.input.ec2.SecurityGroupIngress;
const group = (...ingress: Ingress[]): aws.ec2.SecurityGroupArgs => ({ vpcId: "vpc-1", description: "bastion", ingress });
const ssh = (cidr: string): Ingress => ({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [cidr] });

describe("aws-ec2-disallow-public-admin-ports", () => {
    it("passes SSH from a specific range and public HTTPS", () => {
        expect(checkResource(policy, { type: SG, props: group(ssh("203.0.113.0/24"), { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }) }).violations).toEqual([]);
    });
    it("fires on SSH from anywhere", () => {
        expect(checkResource(policy, { type: SG, name: "bastion", props: group(ssh("0.0.0.0/0")) }).violations)
            .toEqual([expect.stringContaining("security group 'bastion' ingress #1 opens port 22 to 0.0.0.0/0, exposing administration port 22")]);
    });
    it("fires on RDP from anywhere over IPv6 (aws.vpc.SecurityGroupIngressRule)", () => {
        const rule: aws.vpc.SecurityGroupIngressRuleArgs = { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv6: "::/0" };
        expect(checkResource(policy, { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", props: rule }).violations).toEqual([expect.stringContaining("port 3389")]);
    });
    it("fires on a range or all traffic that includes the admin ports", () => {
        expect(checkResource(policy, { type: SG, props: group({ protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] }) }).violations).toEqual([expect.stringContaining("ports 22, 3389")]);
        const all: aws.ec2.SecurityGroupRuleArgs = { type: "ingress", securityGroupId: "sg-1", protocol: "all", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };
        expect(checkResource(policy, { type: "aws:ec2/securityGroupRule:SecurityGroupRule", props: all }).violations).toEqual([expect.stringContaining("every port")]);
    });
    it("reports a port range that cannot be read as unreadable, not as every port open", () => {
        const rule = (props: aws.ec2.SecurityGroupRuleArgs) => checkResource(policy, { type: "aws:ec2/securityGroupRule:SecurityGroupRule", name: "web", props }).violations;
        const base: aws.ec2.SecurityGroupRuleArgs = { type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] };
        expect(rule({ ...base, fromPort: "https" as never })).toEqual([expect.stringContaining("security group rule 'web' admits 0.0.0.0/0, but the policy cannot read the port range (protocol 'tcp', fromPort 'https', toPort '443')")]);
        const missing: aws.vpc.SecurityGroupIngressRuleArgs = { securityGroupId: "sg-1", ipProtocol: "tcp", cidrIpv4: "0.0.0.0/0" };
        const verdict = checkResource(policy, { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", props: missing }).violations;
        expect(verdict).toEqual([expect.stringContaining("cannot read the port range (protocol 'tcp', fromPort unset, toPort unset)")]);
        expect(verdict[0]).not.toMatch(/exposing|every port/);
        expect(rule({ ...base, fromPort: 443, toPort: 80 })).toEqual([expect.stringContaining("cannot read the port range")]);
    });
    it("reads ports written as numeric strings", () => {
        const props: aws.ec2.SecurityGroupRuleArgs = { type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: " 443 " as never, toPort: "443" as never, cidrBlocks: ["0.0.0.0/0"] };
        expect(checkResource(policy, { type: "aws:ec2/securityGroupRule:SecurityGroupRule", props }).violations).toEqual([]);
    });
    it("passes a group with ingress omitted", () => {
        expect(checkResource(policy, { type: SG, props: { vpcId: "vpc-1" } }).violations).toEqual([]);
    });
    it("reports a port unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: SG, props: group({ ...ssh("0.0.0.0/0"), fromPort: UNKNOWN as never }) }).unknown).toBeDefined();
    });
    it("takes the admin ports from config", () => {
        const winrm = group({ protocol: "tcp", fromPort: 5985, toPort: 5986, cidrBlocks: ["0.0.0.0/0"] });
        expect(checkResource(policy, { type: SG, props: winrm }).violations).toEqual([]);
        expect(checkResource(policy, { type: SG, props: winrm, config: { adminPorts: [22, 3389, 5985, 5986] } }).violations).toHaveLength(1);
    });

    it("reports an open SSH rule next to a rule and a CIDR unknown during preview", () => {
        const props = group(UNKNOWN as never, { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN, "0.0.0.0/0"] });
        expect(checkResource(policy, { type: SG, name: "bastion", props }).violations).toEqual([expect.stringContaining("security group 'bastion' ingress #2 opens port 22 to 0.0.0.0/0")]);
        expect(checkResource(policy, { type: SG, props: group(ssh(UNKNOWN)) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: SG, props: group(ssh("10.0.0.0/8"), UNKNOWN as never) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: SG, props: group(ssh("10.0.0.0/8")) })).toEqual({ violations: [] });
    });
});
