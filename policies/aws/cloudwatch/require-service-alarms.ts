import { ECS_SERVICE, METRIC_ALARM_TYPES, metricAlarms, requireAlarms, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

const NAMESPACE = "AWS/ECS";

export default stackPolicy({
    name: "aws-cloudwatch-require-service-alarms",
    description: "Every ECS service has CloudWatch alarms that notify someone when its CPUUtilization or MemoryUtilization rises above the configured percentages.",
    priority: "P1",
    severity: "medium",
    checklist: [
        "003.monitoring-logging.alert-high-cpu",
        "003.monitoring-logging.alert-high-memory",
        "004.alerting.critical-memory",
        "004.metrics-monitoring.infrastructure-metrics",
        "000.error-handling-resilience.alert-thresholds",
    ],
    remediationSteps: "Add aws.cloudwatch.MetricAlarm resources with namespace AWS/ECS, dimensions { ClusterName, ServiceName }, comparisonOperator GreaterThanThreshold and alarmActions: CPUUtilization with threshold 80 or less, MemoryUtilization with threshold 90 or less.",
    tags: ["observability"],
    config: {
        maximumCpuPercent: {
            type: "number", minimum: 1, maximum: 100, default: 80,
            description: "The CPU alarm must fire once CPUUtilization exceeds this percentage. Default 80: 003 alerts on CPU > 80% for 5 minutes.",
        },
        maximumMemoryPercent: {
            type: "number", minimum: 1, maximum: 100, default: 90,
            description: "The memory alarm must fire once MemoryUtilization exceeds this percentage. Default 90: 003 and 004 alert on memory > 90%.",
        },
    },
    resourceTypes: [...ECS_SERVICE.types, ...METRIC_ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const services = ofTypes(resources, ECS_SERVICE.types);
        const watch = watchAlarms(services, metricAlarms(resources), ECS_SERVICE);
        const requirement = (metric: string, limit: number) => ({
            label: `${metric} above ${limit}%`, namespaces: [NAMESPACE],
            signals: [{ metric, direction: "above" as const, limit, unit: "%" }],
            // CloudWatch publishes service metrics per cluster and service together.
            alsoDimensions: ["ClusterName"],
            advice: `namespace ${NAMESPACE}, metricName ${metric}, statistic Average, comparisonOperator GreaterThanThreshold, threshold ${limit} or less`,
        });
        const requirements = [requirement("CPUUtilization", config.maximumCpuPercent), requirement("MemoryUtilization", config.maximumMemoryPercent)];
        for (const service of services) {
            context.judge(service, () => requireAlarms(watch, service, ECS_SERVICE, requirements, report));
        }
    },
});
