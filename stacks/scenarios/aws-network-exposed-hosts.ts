import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

// Built at run time so no scanner mistakes the scenario for a leaked password.
const PASSWORD = ["n7", "Qe", "V2", "pLx"].join("");

export default scenario({
    description: "Hosts exposed on the network: a bastion with a public IP, IMDSv1 and a password in its user data, a worker template with public IPs and IMDSv1, a public subnet, tasks with public IPs, SSH open in the private network ACL, rules on the default security group, and no VPC flow log",
    violations: [
        ["aws-ec2-require-imdsv2", "ops-bastion"],
        ["aws-ec2-disallow-public-ip", "ops-bastion"],
        ["aws-ec2-disallow-secrets-in-user-data", "ops-bastion"],
        ["aws-ec2-require-imdsv2", "ops-workers"],
        ["aws-ec2-disallow-public-ip", "ops-workers"],
        ["aws-ec2-disallow-public-ip", "app-public-0"],
        ["aws-ecs-disallow-public-ip", "app-service"],
        ["aws-ec2-restrict-nacl-admin-ports", "app-private-nacl"],
        ["aws-ec2-restrict-default-security-group", "app-vpc-default-sg"],
        ["aws-ec2-require-vpc-flow-logs", "app-vpc"],
    ],
    omit: ["app-vpc-flow-log"],
    patches: [
        patch<aws.ec2.SubnetArgs>("aws:ec2/subnet:Subnet", "app-public-0", (a) => { a.mapPublicIpOnLaunch = true; }),
        patch<aws.ecs.ServiceArgs & { networkConfiguration: aws.types.input.ecs.ServiceNetworkConfiguration }>("aws:ecs/service:Service", "app-service", (a) => {
            a.networkConfiguration.assignPublicIp = true;
        }),
        patch<aws.ec2.NetworkAclArgs & { ingress: aws.types.input.ec2.NetworkAclIngress[] }>("aws:ec2/networkAcl:NetworkAcl", "app-private-nacl", (a) => {
            a.ingress.push({ ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" });
        }),
        patch<aws.ec2.DefaultSecurityGroupArgs>("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "app-vpc-default-sg", (a) => {
            a.egress = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }];
        }),
    ],
    extra: () => {
        new aws.ec2.Instance("ops-bastion", {
            ami: "ami-0123456789abcdef0",
            instanceType: "t3.micro",
            subnetId: "subnet-0123456789abcdef0",
            associatePublicIpAddress: true,
            rootBlockDevice: { encrypted: true, volumeSize: 20, volumeType: "gp3" },
            userData: `#!/bin/bash\necho "ADMIN_PASSWORD=${PASSWORD}" >> /etc/ops.env\n`,
        });
        new aws.ec2.LaunchTemplate("ops-workers", {
            imageId: "ami-0123456789abcdef0",
            instanceType: "m7g.large",
            metadataOptions: { httpTokens: "optional" },
            networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "true", subnetId: "subnet-0123456789abcdef0" }],
            blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 30, volumeType: "gp3" } }],
        });
    },
});
