import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ec2/restrict-nacl-admin-ports";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const ACL = "aws:ec2/networkAcl:NetworkAcl";
const RULE = "aws:ec2/networkAclRule:NetworkAclRule";
type Ingress = aws.types.input.ec2.NetworkAclIngress;
const https: Ingress = { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" };
const acl = (...ingress: Ingress[]): aws.ec2.NetworkAclArgs => ({ vpcId: "vpc-1", ingress });
const rule: aws.ec2.NetworkAclRuleArgs = { networkAclId: "acl-1", ruleNumber: 100, egress: false, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 };

describe("aws-ec2-restrict-nacl-admin-ports", () => {
    it("passes public HTTPS and SSH from a specific range", () => {
        expect(checkResource(policy, { type: ACL, props: acl(https, { ...https, ruleNo: 110, fromPort: 22, toPort: 22, cidrBlock: "203.0.113.0/24" }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: RULE, props: { ...rule, cidrBlock: "203.0.113.0/24" } }).violations).toEqual([]);
    });

    it("passes an ACL without ingress entries (omitted)", () => {
        expect(checkResource(policy, { type: ACL, props: { vpcId: "vpc-1" } }).violations).toEqual([]);
    });

    it("fires on SSH allowed from anywhere", () => {
        expect(checkResource(policy, { type: ACL, name: "public", props: acl(https, { ...https, ruleNo: 120, fromPort: 22, toPort: 22 }) }).violations)
            .toEqual([expect.stringContaining("network ACL 'public' ingress #2 allows port 22 from 0.0.0.0/0, exposing administration port 22")]);
        expect(checkResource(policy, { type: RULE, name: "ssh", props: rule }).violations)
            .toEqual([expect.stringContaining("network ACL rule 'ssh' allows port 22 from 0.0.0.0/0")]);
    });

    it("fires on a port range, every protocol, or IPv6 that includes the admin ports", () => {
        expect(checkResource(policy, { type: ACL, props: acl({ ...https, fromPort: 0, toPort: 65535 }) }).violations)
            .toEqual([expect.stringContaining("ports 0-65535 from 0.0.0.0/0, exposing administration ports 22, 3389")]);
        // Return traffic on the ephemeral ports 1024-65535 includes RDP: Linux hosts need only 32768-65535.
        expect(checkResource(policy, { type: ACL, props: acl({ ...https, fromPort: 1024, toPort: 65535 }) }).violations).toEqual([expect.stringContaining("administration port 3389")]);
        expect(checkResource(policy, { type: ACL, props: acl({ ...https, fromPort: 32768, toPort: 65535 }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: ACL, props: acl({ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }) }).violations)
            .toEqual([expect.stringContaining("every port (protocol -1)")]);
        const all: aws.ec2.NetworkAclRuleArgs = { ...rule, protocol: "all", ipv6CidrBlock: "::/0", cidrBlock: undefined, fromPort: undefined, toPort: undefined };
        expect(checkResource(policy, { type: RULE, props: all }).violations).toEqual([expect.stringContaining("every port (protocol -1) from ::/0")]);
        expect(checkResource(policy, { type: ACL, props: acl({ ...https, protocol: "6", fromPort: 3389, toPort: 3389 }) }).violations).toEqual([expect.stringContaining("port 3389")]);
    });

    it("passes an allow shadowed by a lower-numbered deny from the same source, and deny and outbound entries", () => {
        const deny: Ingress = { ruleNo: 50, action: "deny", protocol: "tcp", fromPort: 0, toPort: 4000, cidrBlock: "0.0.0.0/0" };
        expect(checkResource(policy, { type: ACL, props: acl(deny, { ...https, fromPort: 0, toPort: 65535 }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: ACL, props: acl({ ...deny, ruleNo: 200 }, { ...https, fromPort: 0, toPort: 65535 }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: RULE, props: { ...rule, ruleAction: "deny" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: RULE, props: { ...rule, egress: true } }).violations).toEqual([]);
        expect(checkResource(policy, { type: ACL, props: acl({ ...https, protocol: "icmp", fromPort: 0, toPort: 0 }) }).violations).toEqual([]);
    });

    it("reports a port range it cannot read, not as open", () => {
        expect(checkResource(policy, { type: RULE, props: { ...rule, fromPort: undefined, toPort: undefined } }).violations)
            .toEqual([expect.stringContaining("cannot read its port range (protocol 'tcp', fromPort unset, toPort unset)")]);
    });

    it("reports a value unknown during preview as unknown, and ignores unknowns it does not need", () => {
        expect(checkResource(policy, { type: RULE, props: { ...rule, fromPort: UNKNOWN } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: RULE, props: { ...rule, networkAclId: UNKNOWN, fromPort: 443, toPort: 443 } }).violations).toEqual([]);
        expect(checkResource(policy, { type: ACL, props: acl(https, { ...https, ruleNo: 120, cidrBlock: "10.0.0.0/8", fromPort: UNKNOWN as never }) }).violations).toEqual([]);
    });

    it("takes the admin ports from config", () => {
        const winrm = acl({ ...https, fromPort: 5985, toPort: 5986 });
        expect(checkResource(policy, { type: ACL, props: winrm }).violations).toEqual([]);
        expect(checkResource(policy, { type: ACL, props: winrm, config: { adminPorts: [22, 3389, 5985] } }).violations).toEqual([expect.stringContaining("administration port 5985")]);
    });
});
