import * as aws from "@pulumi/aws";
import { included } from "../../scenario";
import { DOMAIN, type Edge } from "./edge";

/** The alarm the service's deployments roll back on (003/004: p95 latency above 10 s for 5 minutes). */
export const LATENCY_ALARM = "app-latency-p95";

/** A dashboard widget of one metric, by a SEARCH expression so it needs no name unknown during preview. */
const widget = (title: string, namespace: string, dimensions: string, metric: string, stat: string) => ({
    type: "metric",
    width: 8,
    height: 6,
    properties: { title, region: "us-east-1", stat, period: 60, metrics: [[{ expression: `SEARCH('{${namespace},${dimensions}} MetricName="${metric}"', '${stat}', 60)`, id: metric.toLowerCase() }]] },
});

/**
 * Operations around the service (002, 003, 004): the production domain in Route 53 pointing at the
 * load balancer and the CDN, external HTTPS health checks on both with alarms, a dashboard of CPU,
 * memory, traffic, errors and latency, and the latency alarm that rolls a deployment back.
 */
export function operations(lb: Edge, alerts: aws.sns.Topic, site: aws.cloudfront.Distribution | undefined): void {
    const zone = new aws.route53.Zone("app-zone", { name: DOMAIN, comment: "Production domain" });
    const notify = { alarmActions: [alerts.arn], okActions: [alerts.arn] };

    const endpoint = (name: string, fqdn: string, alias: { name: typeof lb.loadBalancer.dnsName; zoneId: typeof lb.loadBalancer.zoneId }) => {
        if (included(`${name}-dns`)) {
            new aws.route53.Record(`${name}-dns`, { zoneId: zone.zoneId, name: fqdn, type: "A", aliases: [{ ...alias, evaluateTargetHealth: true }] });
        }
        if (!included(`${name}-health`)) {
            return;
        }
        const check = new aws.route53.HealthCheck(`${name}-health`, {
            type: "HTTPS", fqdn, port: 443, resourcePath: "/health", requestInterval: 30, failureThreshold: 3, measureLatency: true,
            tags: { Name: `${fqdn} uptime` },
        });
        new aws.cloudwatch.MetricAlarm(`${name}-down`, {
            namespace: "AWS/Route53", metricName: "HealthCheckStatus", statistic: "Minimum", dimensions: { HealthCheckId: check.id },
            comparisonOperator: "LessThanThreshold", threshold: 1, period: 60, evaluationPeriods: 2, treatMissingData: "breaching",
            alarmDescription: `${fqdn} fails its external health check (004: service down)`, ...notify,
        });
    };
    endpoint("app", DOMAIN, { name: lb.loadBalancer.dnsName, zoneId: lb.loadBalancer.zoneId });
    if (site) {
        endpoint("app-www", `www.${DOMAIN}`, { name: site.domainName, zoneId: site.hostedZoneId });
    }

    new aws.cloudwatch.MetricAlarm("app-latency", {
        name: LATENCY_ALARM, namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", extendedStatistic: "p95",
        dimensions: { LoadBalancer: lb.loadBalancer.arnSuffix }, comparisonOperator: "GreaterThanThreshold", threshold: 10, period: 60, evaluationPeriods: 5,
        treatMissingData: "notBreaching", alarmDescription: "p95 latency above 10 s for 5 minutes: deployments roll back (004)", ...notify,
    });

    if (included("app-dashboard")) {
        const ecs = (metric: string) => widget(metric, "AWS/ECS", "ClusterName,ServiceName", metric, "Average");
        const alb = (metric: string, stat: string) => widget(metric, "AWS/ApplicationELB", "LoadBalancer", metric, stat);
        new aws.cloudwatch.Dashboard("app-dashboard", {
            dashboardName: "shop-production",
            dashboardBody: JSON.stringify({
                widgets: [
                    ecs("CPUUtilization"), ecs("MemoryUtilization"),
                    alb("RequestCount", "Sum"), alb("HTTPCode_Target_5XX_Count", "Sum"),
                    alb("TargetResponseTime", "p50"), alb("TargetResponseTime", "p95"), alb("TargetResponseTime", "p99"),
                ],
            }),
        });
    }
}
