import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The service runs without operations around it: a dashboard without latency, no DNS record or health check for the ALB, no alarm rollback, an alarm that tells nobody, a CDN that does not compress",
    violations: [
        ["aws-cloudwatch-require-dashboard", "app-dashboard"],
        ["aws-route53-require-endpoint-records", "app-alb"],
        ["aws-route53-require-health-checks", "app-alb"],
        ["aws-ecs-require-alarm-rollback", "app-service"],
        ["aws-cloudwatch-require-alarm-actions", "app-latency"],
        ["aws-cloudfront-require-compression", "app-cdn"],
    ],
    omit: ["app-dns", "app-health"],
    patches: [
        patch<aws.cloudwatch.DashboardArgs>("aws:cloudwatch/dashboard:Dashboard", "app-dashboard", (a) => {
            const body = JSON.parse(String(a.dashboardBody)) as { widgets: { properties: { title: string } }[] };
            a.dashboardBody = JSON.stringify({ widgets: body.widgets.filter((w) => w.properties.title !== "TargetResponseTime") });
        }),
        patch<aws.ecs.ServiceArgs>("aws:ecs/service:Service", "app-service", (a) => { delete a.alarms; }),
        patch<aws.cloudwatch.MetricAlarmArgs>("aws:cloudwatch/metricAlarm:MetricAlarm", "app-latency", (a) => { delete a.alarmActions; }),
        patch<aws.cloudfront.DistributionArgs & { defaultCacheBehavior: aws.types.input.cloudfront.DistributionDefaultCacheBehavior }>("aws:cloudfront/distribution:Distribution", "app-cdn", (a) => {
            a.defaultCacheBehavior.compress = false;
        }),
    ],
});
