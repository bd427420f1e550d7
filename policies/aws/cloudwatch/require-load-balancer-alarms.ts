import { LOAD_BALANCER, METRIC_ALARM_TYPES, metricAlarms, percentileAtLeast, requireAlarms, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { bool, text } from "../../lib/values";

const NAMESPACE = "AWS/ApplicationELB";

export default stackPolicy({
    name: "aws-cloudwatch-require-load-balancer-alarms",
    description: "Every internet-facing Application Load Balancer has CloudWatch alarms that notify someone on server errors (HTTPCode_Target_5XX_Count or HTTPCode_ELB_5XX_Count) and on latency (TargetResponseTime at p95 or a higher percentile, at most the configured seconds).",
    priority: "P1",
    severity: "high",
    checklist: [
        "000.monitoring-observability.error-rate-alerts",
        "000.monitoring-observability.latency-alerts",
        "000.error-handling-resilience.alert-thresholds",
        "001.observability.alerting",
        "002.infrastructure-setup.monitoring",
        "003.monitoring-logging.alert-high-response-time",
        "004.alerting.critical-latency",
        "004.alerting.warning-latency",
    ],
    remediationSteps: "Add two aws.cloudwatch.MetricAlarm resources on the load balancer (dimensions { LoadBalancer: alb.arnSuffix }) with alarmActions: HTTPCode_Target_5XX_Count (statistic Sum, GreaterThanThreshold) and TargetResponseTime (extendedStatistic p95, GreaterThanThreshold, threshold 3 seconds or less).",
    tags: ["observability"],
    config: {
        maximumLatencySeconds: {
            type: "number", exclusiveMinimum: 0, maximum: 60, default: 3,
            description: "The latency alarm must fire once the percentile response time exceeds this many seconds. Default 3: 004 warns at p95 > 3 s (its critical alert is 5 s, 001's is 5 s, 003's is 30 s; an alarm at 3 s fires for all of them). At most 60, the ALB's default idle timeout.",
        },
        latencyPercentile: {
            type: "number", minimum: 50, maximum: 100, default: 95,
            description: "The lowest percentile the latency alarm may read (p95, or p99 which alarms at least as early). Default 95: 003 and 004 state their latency limits at P95.",
        },
    },
    resourceTypes: [...LOAD_BALANCER.types, ...METRIC_ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const balancers = ofTypes(resources, LOAD_BALANCER.types);
        const watch = watchAlarms(balancers, metricAlarms(resources), LOAD_BALANCER);
        const requirements = [
            {
                label: "5XX errors", namespaces: [NAMESPACE],
                signals: [{ metric: "HTTPCode_Target_5XX_Count", direction: "above" as const }, { metric: "HTTPCode_ELB_5XX_Count", direction: "above" as const }],
                advice: `namespace ${NAMESPACE}, metricName HTTPCode_Target_5XX_Count, statistic Sum, comparisonOperator GreaterThanThreshold`,
            },
            {
                label: `latency (TargetResponseTime at p${config.latencyPercentile} above ${config.maximumLatencySeconds} s)`, namespaces: [NAMESPACE],
                signals: [{ metric: "TargetResponseTime", direction: "above" as const, limit: config.maximumLatencySeconds, unit: "s" }],
                statistic: percentileAtLeast(config.latencyPercentile),
                advice: `namespace ${NAMESPACE}, metricName TargetResponseTime, extendedStatistic p${config.latencyPercentile}, comparisonOperator GreaterThanThreshold, threshold ${config.maximumLatencySeconds} (seconds) or less`,
            },
        ];
        for (const balancer of balancers) {
            context.judge(balancer, () => {
                // Internal load balancers and Network/Gateway Load Balancers publish other metrics; only internet-facing ALBs are judged.
                const type = text(balancer.props.loadBalancerType) ?? "application";
                if (bool(balancer.props.internal) === true || type !== "application") {
                    return;
                }
                requireAlarms(watch, balancer, LOAD_BALANCER, requirements, report);
            });
        }
    },
});
