import { METRIC_ALARM_TYPES, metricAlarms, requireAlarms, TARGET_GROUP, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { text } from "../../lib/values";

export default stackPolicy({
    name: "aws-cloudwatch-require-target-group-alarms",
    description: "Every load balancer target group has a CloudWatch alarm that notifies someone when a target fails its health check (UnHealthyHostCount above 0, or HealthyHostCount below the configured minimum).",
    priority: "P1",
    severity: "high",
    checklist: ["003.monitoring-logging.alert-health-check-failure"],
    remediationSteps: "Add an aws.cloudwatch.MetricAlarm with namespace AWS/ApplicationELB, metricName UnHealthyHostCount, statistic Maximum, comparisonOperator GreaterThanThreshold, threshold 0, dimensions { TargetGroup: tg.arnSuffix, LoadBalancer: alb.arnSuffix } and alarmActions.",
    tags: ["observability"],
    config: {
        minimumHealthyHosts: {
            type: "integer", minimum: 1, maximum: 1000, default: 1,
            description: "A HealthyHostCount alarm must fire once fewer than this many targets are healthy. Default 1: 003 and 004 alert when the health check fails, i.e. when no target serves.",
        },
    },
    resourceTypes: [...TARGET_GROUP.types, ...METRIC_ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const groups = ofTypes(resources, TARGET_GROUP.types);
        const watch = watchAlarms(groups, metricAlarms(resources), TARGET_GROUP);
        const requirements = [{
            label: "failed health checks",
            namespaces: ["AWS/ApplicationELB", "AWS/NetworkELB"],
            signals: [
                { metric: "UnHealthyHostCount", direction: "above" as const, limit: 0, unit: "host(s)", whole: true },
                { metric: "HealthyHostCount", direction: "below" as const, limit: config.minimumHealthyHosts, unit: "host(s)", whole: true },
            ],
            // CloudWatch publishes target-group metrics per load balancer and target group together.
            alsoDimensions: ["LoadBalancer"],
            advice: "namespace AWS/ApplicationELB, metricName UnHealthyHostCount, statistic Maximum, comparisonOperator GreaterThanThreshold, threshold 0",
        }];
        for (const group of groups) {
            context.judge(group, () => {
                // Lambda targets are not health checked unless asked to: nothing to alarm on.
                if (text(group.props.targetType) === "lambda") {
                    return;
                }
                requireAlarms(watch, group, TARGET_GROUP, requirements, report);
            });
        }
    },
});
