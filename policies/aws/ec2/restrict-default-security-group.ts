import { resourcePolicy } from "../../lib/define";
import { given, list } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ec2-restrict-default-security-group",
    description: "The VPC's default security group, when the program manages it (aws.ec2.DefaultSecurityGroup), declares no ingress and no egress rules, so it restricts all traffic and anything placed in it by default can neither be reached nor reach out (CIS AWS Foundations: the default security group restricts all traffic).",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.only-necessary-ports-open", "002.security-configuration.firewall-rules"],
    remediationSteps: "Remove ingress and egress from the aws.ec2.DefaultSecurityGroup (the provider then removes every rule of the default group), and put the rules on a security group of their own.",
    tags: ["network"],
    resourceTypes: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
    validate: ({ name, props }, _config, report) => {
        for (const direction of ["ingress", "egress"] as const) {
            const rules = given(props[direction]);
            if (rules === undefined) {
                continue; // managed without rules: the provider removes them all
            }
            const count = Array.isArray(rules) ? `${list(rules).length} ${direction} rule(s)` : `${direction}`;
            report(`default security group '${name}' declares ${count}: remove ${direction}, so the default group restricts all traffic, and put the rules on a security group of their own.`);
        }
    },
});
