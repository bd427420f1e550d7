import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { given, list } from "../../lib/values";

const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const ALARM_TYPES = ["aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/compositeAlarm:CompositeAlarm"];

/** The names and ARN a reference may use for a topic. */
const topicKeys = (topic: PolicyResource) => [given(topic.props.name), given(topic.props.arn)];

export default stackPolicy({
    name: "aws-sns-require-subscription",
    description: "Every SNS topic of the stack that a CloudWatch alarm notifies has at least one subscription, so an alert reaches a person; optionally the alarms use separate critical and warning channels.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.alerting.alert-channels"],
    remediationSteps: "Add an aws.sns.TopicSubscription (email, https to the paging service, or a chat integration) whose topic is the alarm topic's arn.",
    tags: ["observability"],
    config: {
        minimumAlarmTopics: {
            type: "integer", minimum: 1, maximum: 10, default: 1,
            description: "How many distinct SNS topics of the stack the alarms must notify together. Default 1; 2 asks for the critical and warning channels 004 (Alerting · Alert channels) lists: on-call paging and a team channel.",
        },
    },
    resourceTypes: [TOPIC, SUBSCRIPTION, ...ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const topics = ofTypes(resources, [TOPIC]);
        const alarms = ofTypes(resources, ALARM_TYPES);
        const notified = linkJudge(indexLinks(topics, alarms, "alarmActions", topicKeys, (alarm) => list(alarm.props.alarmActions)), () => undefined);
        const subscribed = linkJudge(indexLinks(topics, ofTypes(resources, [SUBSCRIPTION]), "topic", topicKeys), () => undefined);
        const alarmTopics = new Set<string>();
        let undecided = false;
        for (const topic of topics) {
            let judged = false;
            context.judge(topic, () => {
                // linkJudge answers undefined when a link names the topic, a list (empty here) when none does.
                if (notified(topic) !== undefined) {
                    judged = true;
                    return;
                }
                alarmTopics.add(topic.urn);
                judged = true;
                if (subscribed(topic) !== undefined) {
                    report(`SNS topic '${topic.name}' receives CloudWatch alarms but has no subscription in the stack, so nobody is told: add an aws.sns.TopicSubscription (email, https to the paging service, chat) with topic set to its arn.`, topic.urn);
                }
            });
            undecided ||= !judged;
        }
        // With the default (1) any notified topic will do, also one outside the stack: the count matters only when channels are split.
        if (config.minimumAlarmTopics > 1 && alarms.length > 0 && !undecided && alarmTopics.size < config.minimumAlarmTopics) {
            report(`The stack's CloudWatch alarms notify ${alarmTopics.size} SNS topic(s) of the stack, fewer than the ${config.minimumAlarmTopics} alert channels required: send critical alarms to a paging topic and warnings to a team channel topic, each with its subscriptions.`);
        }
    },
});
