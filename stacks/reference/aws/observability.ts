import * as aws from "@pulumi/aws";
import { included } from "../../scenario";
import type { Compute } from "./compute";
import type { Data } from "./data";
import type { Edge } from "./edge";

/** An alarm that pages through the alerts topic after `minutes` minutes over the threshold. */
type AlarmSpec = Pick<aws.cloudwatch.MetricAlarmArgs, "namespace" | "metricName" | "statistic" | "threshold" | "dimensions" | "alarmDescription"> & { minutes: number };

/**
 * Alerting (003 and 004 thresholds): 5xx errors and unhealthy targets on the load balancer, CPU and
 * memory on the service, CPU and free storage on the database, memory on the cache, all sent to
 * an encrypted SNS topic that the on-call rotation subscribes to.
 */
export function observability(lb: Edge, app: Compute, stores: Data): aws.sns.Topic {
    const alerts = new aws.sns.Topic("app-alerts", { kmsMasterKeyId: "alias/aws/sns" });
    new aws.sns.TopicSubscription("app-alerts-oncall", { topic: alerts.arn, protocol: "email", endpoint: "oncall@example.com" });

    const alarm = (name: string, spec: AlarmSpec) => included(name) ? new aws.cloudwatch.MetricAlarm(name, {
        namespace: spec.namespace,
        metricName: spec.metricName,
        statistic: spec.statistic,
        dimensions: spec.dimensions,
        alarmDescription: spec.alarmDescription,
        comparisonOperator: "GreaterThanThreshold",
        threshold: spec.threshold,
        period: 60,
        evaluationPeriods: spec.minutes,
        treatMissingData: "notBreaching",
        alarmActions: [alerts.arn],
        okActions: [alerts.arn],
    }) : undefined;

    const loadBalancer = { LoadBalancer: lb.loadBalancer.arnSuffix };
    alarm("app-alb-5xx", { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", statistic: "Sum", threshold: 50, minutes: 5, dimensions: loadBalancer,
        alarmDescription: "The API answers with server errors (004: error rate)" });
    alarm("app-alb-unhealthy", { namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", statistic: "Maximum", threshold: 0, minutes: 2,
        dimensions: { ...loadBalancer, TargetGroup: lb.targetGroup.arnSuffix }, alarmDescription: "A task fails its health check (003: health check failure)" });

    const service = { ClusterName: app.cluster.name, ServiceName: app.service.name };
    alarm("app-service-cpu", { namespace: "AWS/ECS", metricName: "CPUUtilization", statistic: "Average", threshold: 80, minutes: 5, dimensions: service,
        alarmDescription: "Service CPU above 80% for 5 minutes (003)" });
    alarm("app-service-memory", { namespace: "AWS/ECS", metricName: "MemoryUtilization", statistic: "Average", threshold: 90, minutes: 5, dimensions: service,
        alarmDescription: "Service memory above 90% (003, 004)" });

    const database = { DBClusterIdentifier: stores.database.id };
    alarm("app-db-cpu", { namespace: "AWS/RDS", metricName: "CPUUtilization", statistic: "Average", threshold: 80, minutes: 5, dimensions: database,
        alarmDescription: "Database CPU above 80% for 5 minutes (003)" });
    alarm("app-cache-memory", { namespace: "AWS/ElastiCache", metricName: "DatabaseMemoryUsagePercentage", statistic: "Average", threshold: 90, minutes: 5,
        dimensions: { ReplicationGroupId: stores.cache.id }, alarmDescription: "Cache memory above 90% (004)" });
    return alerts;
}
