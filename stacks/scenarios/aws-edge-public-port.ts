import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The service's port 8080 is opened to the internet next to 80 and 443",
    violations: [["aws-ec2-restrict-public-ingress", "app-alb-sg"]],
    patches: [patch<aws.ec2.SecurityGroupArgs & { ingress: aws.types.input.ec2.SecurityGroupIngress[] }>("aws:ec2/securityGroup:SecurityGroup", "app-alb-sg", (a) => {
        a.ingress.push({ protocol: "tcp", fromPort: 8080, toPort: 8080, ipv6CidrBlocks: ["::/0"], description: "direct access" });
    })],
});
