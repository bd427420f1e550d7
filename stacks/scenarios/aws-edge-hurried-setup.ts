import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "An edge set up in a hurry: a Classic Load Balancer serving plain HTTP with no health check and no access logs, the target group's health checks off and plain HTTP to the tasks, the regional web ACL unlogged, and the trail neither delivered to CloudWatch Logs nor KMS-encrypted",
    violations: [
        ["aws-elb-require-health-check", "legacy-elb"],
        ["aws-elb-require-tls-listeners", "legacy-elb"],
        ["aws-elb-require-access-logs", "legacy-elb"],
        ["aws-lb-require-target-group-health-check", "app-tg"],
        ["aws-lb-require-tls-to-targets", "app-tg"],
        ["aws-wafv2-require-logging", "app-waf"],
        ["aws-cloudtrail-require-cloudwatch-logs", "app-trail"],
        ["aws-cloudtrail-require-kms", "app-trail"],
    ],
    omit: ["app-waf-logging"],
    patches: [
        patch<aws.lb.TargetGroupArgs>("aws:lb/targetGroup:TargetGroup", "app-tg", (a) => {
            a.protocol = "HTTP";
            a.healthCheck = { enabled: false };
        }),
        patch<aws.cloudtrail.TrailArgs>("aws:cloudtrail/trail:Trail", "app-trail", (a) => {
            delete a.cloudWatchLogsGroupArn;
            delete a.cloudWatchLogsRoleArn;
            delete a.kmsKeyId;
        }),
    ],
    extra: () => {
        new aws.elb.LoadBalancer("legacy-elb", {
            availabilityZones: ["us-east-1a", "us-east-1b"],
            listeners: [{ lbPort: 80, lbProtocol: "http", instancePort: 8080, instanceProtocol: "http" }],
        });
    },
});
