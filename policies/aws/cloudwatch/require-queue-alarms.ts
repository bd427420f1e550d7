import { METRIC_ALARM_TYPES, metricAlarms, requireAlarms, SQS_QUEUE, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

const NAMESPACE = "AWS/SQS";

export default stackPolicy({
    name: "aws-cloudwatch-require-queue-alarms",
    description: "Every SQS queue has a CloudWatch alarm that notifies someone when its backlog grows: ApproximateAgeOfOldestMessage above at most the configured age.",
    priority: "P2",
    severity: "medium",
    checklist: ["004.alerting.warning-queue-backlog", "001.observability.alerting"],
    remediationSteps: "Add an aws.cloudwatch.MetricAlarm with namespace AWS/SQS, metricName ApproximateAgeOfOldestMessage, statistic Maximum, comparisonOperator GreaterThanThreshold, threshold 900 (seconds) or less, dimensions { QueueName: queue.name } and alarmActions.",
    tags: ["observability"],
    config: {
        maximumMessageAgeSeconds: {
            type: "integer", minimum: 1, maximum: 1209600, default: 900,
            description: "The backlog alarm must fire once the oldest message has waited longer than this many seconds. Default 900: 001 alerts on a sync lag > 15 min. At most 1209600, the longest message retention SQS accepts (14 days).",
        },
    },
    resourceTypes: [...SQS_QUEUE.types, ...METRIC_ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const queues = ofTypes(resources, SQS_QUEUE.types);
        const watch = watchAlarms(queues, metricAlarms(resources), SQS_QUEUE);
        const requirements = [{
            label: `a backlog (ApproximateAgeOfOldestMessage above ${config.maximumMessageAgeSeconds} s)`, namespaces: [NAMESPACE],
            signals: [{ metric: "ApproximateAgeOfOldestMessage", direction: "above" as const, limit: config.maximumMessageAgeSeconds, unit: "s" }],
            advice: `namespace ${NAMESPACE}, metricName ApproximateAgeOfOldestMessage, statistic Maximum, comparisonOperator GreaterThanThreshold, threshold ${config.maximumMessageAgeSeconds} (seconds) or less`,
        }];
        for (const queue of queues) {
            context.judge(queue, () => requireAlarms(watch, queue, SQS_QUEUE, requirements, report));
        }
    },
});
