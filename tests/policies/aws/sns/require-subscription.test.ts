import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/sns/require-subscription";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

const topic = (name: string, args: aws.sns.TopicArgs = { kmsMasterKeyId: "alias/aws/sns" }): StackResource => ({ type: TOPIC, name, props: args });
/** An alarm notifying the topic through `alerts.arn`: unknown during preview, placed by the graph. */
const alarm = (name: string, topicName: string): StackResource => ({
    type: ALARM, name,
    props: { namespace: "AWS/ECS", metricName: "CPUUtilization", comparisonOperator: "GreaterThanThreshold", threshold: 80, evaluationPeriods: 5, period: 60, statistic: "Average", alarmActions: [UNKNOWN] } satisfies aws.cloudwatch.MetricAlarmArgs,
    propertyDependencies: { alarmActions: [urnOf(TOPIC, topicName)] },
});
const subscription = (name: string, topicName: string): StackResource => ({
    type: SUBSCRIPTION, name,
    props: { topic: UNKNOWN, protocol: "email", endpoint: "oncall@example.com" } satisfies aws.sns.TopicSubscriptionArgs,
    propertyDependencies: { topic: [urnOf(TOPIC, topicName)] },
});

describe("aws-sns-require-subscription", () => {
    it("passes an alarm topic with a subscription, linked through the dependency graph while ARNs are unknown", () => {
        const verdict = checkStack(policy, [topic("alerts"), alarm("cpu", "alerts"), subscription("oncall", "alerts")]);
        expect(verdict).toEqual({ violations: [], urns: [] });
    });
    it("fires on an alarm topic without any subscription", () => {
        const verdict = checkStack(policy, [topic("alerts"), alarm("cpu", "alerts")]);
        expect(verdict.violations).toEqual([expect.stringContaining("SNS topic 'alerts' receives CloudWatch alarms but has no subscription")]);
        expect(verdict.urns).toEqual([urnOf(TOPIC, "alerts")]);
    });
    it("links by known names and ARNs too", () => {
        const named = topic("alerts", { name: "prod-alerts" });
        const byArn: StackResource = { type: ALARM, name: "cpu", props: { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, alarmActions: ["arn:aws:sns:us-east-1:123456789012:prod-alerts"] } satisfies aws.cloudwatch.MetricAlarmArgs };
        expect(checkStack(policy, [named, byArn]).violations).toEqual([expect.stringContaining("SNS topic 'alerts'")]);
        const sub: StackResource = { type: SUBSCRIPTION, name: "oncall", props: { topic: "arn:aws:sns:us-east-1:123456789012:prod-alerts", protocol: "https", endpoint: "https://events.example.com/sns" } satisfies aws.sns.TopicSubscriptionArgs };
        expect(checkStack(policy, [named, byArn, sub]).violations).toEqual([]);
    });
    it("leaves topics no alarm notifies alone (the attribute omitted: no alarmActions)", () => {
        const quiet: StackResource = { type: ALARM, name: "cpu", props: { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1 } satisfies aws.cloudwatch.MetricAlarmArgs };
        expect(checkStack(policy, [topic("orders"), quiet]).violations).toEqual([]);
    });
    it("is unknown for a topic when an alarm's actions are unknown and the graph does not place them, and still judges the others", () => {
        const unplaced: StackResource = { ...alarm("cpu", "nowhere"), propertyDependencies: { alarmActions: [] } };
        const verdict = checkStack(policy, [topic("alerts"), unplaced]);
        expect(verdict.unknownUrns).toEqual([urnOf(TOPIC, "alerts")]);
        const subscribedUnknown: StackResource = { ...subscription("oncall", "x"), propertyDependencies: { topic: [] } };
        const mixed = checkStack(policy, [topic("alerts"), topic("pages"), alarm("cpu", "alerts"), alarm("down", "pages"), subscribedUnknown]);
        expect(mixed.unknownUrns).toEqual([urnOf(TOPIC, "alerts"), urnOf(TOPIC, "pages")]);
    });
    it("asks for separate critical and warning channels when configured", () => {
        const stack = [topic("alerts"), alarm("cpu", "alerts"), alarm("down", "alerts"), subscription("oncall", "alerts")];
        expect(checkStack(policy, stack).violations).toEqual([]);
        expect(checkStack(policy, stack, { minimumAlarmTopics: 2 }).violations).toEqual([expect.stringContaining("notify 1 SNS topic(s) of the stack, fewer than the 2 alert channels")]);
        const split = [...stack, topic("warnings"), { ...alarm("latency", "warnings") }, subscription("team", "warnings")];
        expect(checkStack(policy, split, { minimumAlarmTopics: 2 }).violations).toEqual([]);
    });
});
