// Typed alarm fixtures shared by the specs of the per-resource alarm policies.
import type * as aws from "@pulumi/aws";
import { urnOf } from "../../../harness/policy";

export const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";

/** A notifying alarm on one metric, alarming above the threshold unless overridden. */
export function alarm(namespace: string, metricName: string, threshold: number, dimensions: Record<string, string>, overrides: Partial<aws.cloudwatch.MetricAlarmArgs> = {}): aws.cloudwatch.MetricAlarmArgs {
    return {
        namespace, metricName, threshold, dimensions,
        statistic: "Average", comparisonOperator: "GreaterThanThreshold", period: 60, evaluationPeriods: 5, alarmActions: [TOPIC],
        ...overrides,
    };
}

/** A stack resource for `checkStack`. */
export function resource(type: string, name: string, props: object, extra: { dependencies?: string[]; propertyDependencies?: Record<string, string[]> } = {}) {
    return { type, name, props, ...extra };
}

export { urnOf };
