import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ec2/restrict-public-ingress";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

type Ingress = aws.types.input.ec2.SecurityGroupIngress;
const group = (...ingress: Ingress[]): aws.ec2.SecurityGroupArgs => ({ vpcId: "vpc-1", description: "web", ingress });
const https: Ingress = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] };
const http: Ingress = { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] };

describe("aws-ec2-restrict-public-ingress", () => {
    it("passes public 80 and 443, and any port from private ranges or security groups", () => {
        const props = group(https, http, { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] }, { protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: ["sg-1"] });
        expect(checkResource(policy, { type: SG, props }).violations).toEqual([]);
    });
    it("fires on another port open to the internet, over IPv6 too", () => {
        expect(checkResource(policy, { type: SG, name: "web", props: group({ protocol: "tcp", fromPort: 8080, toPort: 8080, ipv6CidrBlocks: ["::/0"] }) }).violations)
            .toEqual([expect.stringContaining("security group 'web' ingress #1 opens port 8080 to ::/0")]);
    });
    it("fires on a port range that covers other ports", () => {
        expect(checkResource(policy, { type: SG, props: group({ protocol: "tcp", fromPort: 80, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }) }).violations)
            .toEqual([expect.stringContaining("opens ports 80-443 to 0.0.0.0/0, including port 81")]);
    });
    it("fires on protocol -1 (all traffic)", () => {
        expect(checkResource(policy, { type: SG, props: group({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }) }).violations)
            .toEqual([expect.stringContaining("every protocol and port")]);
    });
    it("judges aws.ec2.SecurityGroupRule ingress and ignores egress", () => {
        const rule: aws.ec2.SecurityGroupRuleArgs = { type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"] };
        expect(checkResource(policy, { type: RULE, name: "db", props: rule }).violations).toEqual([expect.stringContaining("security group rule 'db' opens port 3306")]);
        expect(checkResource(policy, { type: RULE, props: { ...rule, type: "egress" } }).violations).toEqual([]);
    });
    it("judges aws.vpc.SecurityGroupIngressRule", () => {
        const rule: aws.vpc.SecurityGroupIngressRuleArgs = { securityGroupId: "sg-1", ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" };
        expect(checkResource(policy, { type: INGRESS, props: rule }).violations).toEqual([expect.stringContaining("every protocol and port")]);
        expect(checkResource(policy, { type: INGRESS, props: { ...rule, ipProtocol: "tcp", fromPort: 443, toPort: 443 } }).violations).toEqual([]);
    });
    it("reports an unreadable port range as unreadable, not as every port open, without crashing", () => {
        expect(checkResource(policy, { type: SG, props: group({ protocol: "tcp", fromPort: "http" as never, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }) }).violations)
            .toEqual([expect.stringContaining("cannot read the port range (protocol 'tcp', fromPort 'http', toPort '80')")]);
        const missing: aws.vpc.SecurityGroupIngressRuleArgs = { securityGroupId: "sg-1", ipProtocol: "tcp", cidrIpv4: "0.0.0.0/0" };
        const verdict = checkResource(policy, { type: INGRESS, props: missing }).violations;
        expect(verdict).toEqual([expect.stringContaining("cannot read the port range (protocol 'tcp', fromPort unset, toPort unset)")]);
        expect(verdict[0]).not.toMatch(/every protocol/);
        expect(checkResource(policy, { type: SG, props: group({ protocol: "tpc", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }) }).violations)
            .toEqual([expect.stringContaining("cannot read the port range (protocol 'tpc'")]);
    });
    it("fires on a port-less IP protocol open to the internet", () => {
        expect(checkResource(policy, { type: SG, props: group({ protocol: "50", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }) }).violations)
            .toEqual([expect.stringContaining("opens IP protocol 50, which has no ports")]);
    });
    it("passes a group without ingress (omitted)", () => {
        expect(checkResource(policy, { type: SG, props: { vpcId: "vpc-1" } }).violations).toEqual([]);
    });
    it("reports a CIDR unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: SG, props: group({ ...http, cidrBlocks: UNKNOWN as never }) }).unknown).toBeDefined();
    });
    it("takes the allowed ports from config", () => {
        const props = group({ protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["0.0.0.0/0"] });
        expect(checkResource(policy, { type: SG, props, config: { allowedPublicPorts: [443, 8443] } }).violations).toEqual([]);
        expect(checkResource(policy, { type: SG, props: group(https), config: { allowedPublicPorts: [8443] } }).violations).toHaveLength(1);
    });

    it("reports a public port next to a rule and a CIDR unknown during preview", () => {
        const props = group(UNKNOWN as never, { ...http, cidrBlocks: [UNKNOWN, "0.0.0.0/0"], fromPort: 8080, toPort: 8080 });
        expect(checkResource(policy, { type: SG, name: "web", props }).violations).toEqual([expect.stringContaining("security group 'web' ingress #2 opens port 8080 to 0.0.0.0/0")]);
        expect(checkResource(policy, { type: SG, props: group(https, UNKNOWN as never) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: SG, props: group(https) })).toEqual({ violations: [] });
    });
});
