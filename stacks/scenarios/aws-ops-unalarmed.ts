import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "Alarms left out: none on the service's CPU, the certificate's expiry or the cache hit rate, and a new jobs queue alarmed on its message count rather than the age of its oldest message",
    violations: [
        ["aws-cloudwatch-require-service-alarms", "app-service"],
        ["aws-cloudwatch-require-certificate-alarms", "app-cert"],
        ["aws-cloudwatch-require-cache-alarms", "app-cache"],
        ["aws-cloudwatch-require-queue-alarms", "app-jobs"],
    ],
    omit: ["app-service-cpu", "app-cert-expiry", "app-cache-hit-rate"],
    extra: () => {
        const queue = new aws.sqs.Queue("app-jobs", { sqsManagedSseEnabled: true, messageRetentionSeconds: 345600 });
        new aws.cloudwatch.MetricAlarm("app-jobs-depth", {
            namespace: "AWS/SQS",
            metricName: "ApproximateNumberOfMessagesVisible",
            statistic: "Maximum",
            dimensions: { QueueName: queue.name },
            comparisonOperator: "GreaterThanThreshold",
            threshold: 1000,
            period: 60,
            evaluationPeriods: 15,
            alarmActions: ["arn:aws:sns:us-east-1:123456789012:app-alerts"],
        });
    },
});
