import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { included } from "../../scenario";
import type { Data } from "./data";
import type { Edge } from "./edge";

/**
 * The alarms on latency, database connections, cache hit rate and certificate expiry, at the
 * checklists' thresholds (004: p95 latency > 3 s, certificate expiring in < 30 days, cache hit
 * rate dropping), paging through the same alerts topic as the others in observability.ts.
 */
export function alarms(lb: Edge, stores: Data, alerts: aws.sns.Topic): void {
    const notify = { alarmActions: [alerts.arn], okActions: [alerts.arn], treatMissingData: "notBreaching" };
    if (included("app-alb-latency")) {
        new aws.cloudwatch.MetricAlarm("app-alb-latency", {
            ...notify,
            alarmDescription: "p95 response time above 3 s for 5 minutes (004: elevated latency)",
            namespace: "AWS/ApplicationELB",
            metricName: "TargetResponseTime",
            extendedStatistic: "p95",
            dimensions: { LoadBalancer: lb.loadBalancer.arnSuffix },
            comparisonOperator: "GreaterThanThreshold",
            threshold: 3,
            period: 60,
            evaluationPeriods: 5,
        });
    }
    if (included("app-db-connections")) {
        new aws.cloudwatch.MetricAlarm("app-db-connections", {
            ...notify,
            alarmDescription: "Connections near the pool's limit (004: database connection failures)",
            namespace: "AWS/RDS",
            metricName: "DatabaseConnections",
            statistic: "Maximum",
            dimensions: { DBClusterIdentifier: stores.database.id },
            comparisonOperator: "GreaterThanThreshold",
            threshold: 800,
            period: 60,
            evaluationPeriods: 5,
        });
    }
    if (included("app-cache-hit-rate")) {
        new aws.cloudwatch.MetricAlarm("app-cache-hit-rate", {
            ...notify,
            alarmDescription: "Cache hit rate below 50% for 15 minutes (004: cache hit rate drops)",
            namespace: "AWS/ElastiCache",
            metricName: "CacheHitRate",
            statistic: "Average",
            dimensions: { CacheClusterId: pulumi.interpolate`${stores.cache.id}-001` },
            comparisonOperator: "LessThanThreshold",
            threshold: 50,
            period: 300,
            evaluationPeriods: 3,
        });
    }
    if (included("app-cert-expiry")) {
        new aws.cloudwatch.MetricAlarm("app-cert-expiry", {
            ...notify,
            alarmDescription: "The certificate expires in less than 30 days (004: SSL certificate expiring soon)",
            namespace: "AWS/CertificateManager",
            metricName: "DaysToExpiry",
            statistic: "Minimum",
            dimensions: { CertificateArn: lb.certificate.arn },
            comparisonOperator: "LessThanThreshold",
            threshold: 30,
            period: 86400,
            evaluationPeriods: 1,
        });
    }
}
