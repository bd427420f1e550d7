import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "An EC2 worker fleet behind a target group: unencrypted root volume, may scale to zero, health checked by EC2 status only",
    violations: [
        ["aws-ebs-require-encryption", "worker-template"],
        ["aws-autoscaling-require-min-capacity", "worker-fleet"],
        ["aws-autoscaling-require-elb-health-check", "worker-fleet"],
    ],
    extra: () => {
        const template = new aws.ec2.LaunchTemplate("worker-template", {
            imageId: "ami-0123456789abcdef0",
            instanceType: "m7g.large",
            metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
            blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 30, volumeType: "gp3" } }],
        });
        new aws.autoscaling.Group("worker-fleet", {
            minSize: 0,
            maxSize: 4,
            launchTemplate: { id: template.id, version: "$Latest" },
            vpcZoneIdentifiers: ["subnet-0123456789abcdef0"],
            targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/worker/0123456789abcdef"],
        });
    },
});
