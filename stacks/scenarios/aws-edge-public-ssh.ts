import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "Someone opened SSH to the world on the load balancer's security group",
    violations: [
        ["aws-ec2-restrict-public-ingress", "app-alb-sg"],
        ["aws-ec2-disallow-public-admin-ports", "app-alb-sg"],
    ],
    patches: [patch<aws.ec2.SecurityGroupArgs & { ingress: aws.types.input.ec2.SecurityGroupIngress[] }>("aws:ec2/securityGroup:SecurityGroup", "app-alb-sg", (a) => {
        a.ingress.push({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "debugging" });
    })],
});
