import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const loosen = (name: string, change: (a: aws.cloudwatch.MetricAlarmArgs) => void) => patch<aws.cloudwatch.MetricAlarmArgs>(ALARM, name, change);

export default scenario({
    description: "Every alarm exists and notifies, but too late: p95 latency at 30 s, two unhealthy targets, memory at 95%, database CPU at 95%, certificate a week before expiry, cache hit rate at 20%",
    violations: [
        ["aws-cloudwatch-require-load-balancer-alarms", "app-alb"],
        ["aws-cloudwatch-require-target-group-alarms", "app-tg"],
        ["aws-cloudwatch-require-service-alarms", "app-service"],
        ["aws-cloudwatch-require-database-alarms", "app-db"],
        ["aws-cloudwatch-require-certificate-alarms", "app-cert"],
        ["aws-cloudwatch-require-cache-alarms", "app-cache"],
    ],
    patches: [
        loosen("app-alb-latency", (a) => { a.threshold = 30; }),
        loosen("app-alb-unhealthy", (a) => { a.threshold = 1; }),
        loosen("app-service-memory", (a) => { a.threshold = 95; }),
        loosen("app-db-cpu", (a) => { a.threshold = 95; }),
        loosen("app-cert-expiry", (a) => { a.threshold = 7; }),
        loosen("app-cache-hit-rate", (a) => { a.threshold = 20; }),
    ],
});
