import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-queue-alarms";
import { checkStack, UNKNOWN } from "../../../harness/policy";
import { alarm, ALARM, resource, urnOf } from "./alarm-fixtures";

const QUEUE = "aws:sqs/queue:Queue";
const queue: aws.sqs.QueueArgs = { name: "jobs", sqsManagedSseEnabled: true };
const age = alarm("AWS/SQS", "ApproximateAgeOfOldestMessage", 900, { QueueName: "jobs" }, { statistic: "Maximum" });
const stack = (q: aws.sqs.QueueArgs, ...alarms: aws.cloudwatch.MetricAlarmArgs[]) =>
    [resource(QUEUE, "jobs", q), ...alarms.map((a, i) => resource(ALARM, `alarm-${i}`, a))];

describe("aws-cloudwatch-require-queue-alarms", () => {
    it("passes a queue whose oldest message alarms after 15 minutes at most", () => {
        expect(checkStack(policy, stack(queue, age))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack(queue, { ...age, threshold: 300 }))).toEqual({ violations: [], urns: [] });
    });

    it("fires without an alarm, on an alarm after an hour, on a message-count alarm only, and on an alarm that notifies no one", () => {
        const verdict = checkStack(policy, stack(queue));
        expect(verdict.violations).toEqual([expect.stringMatching(/^SQS queue 'jobs' has no CloudWatch alarm with alarmActions on a backlog \(ApproximateAgeOfOldestMessage above 900 s\): add .*threshold 900 \(seconds\) or less, dimensions \{ QueueName: \.\.\. \}/)]);
        expect(verdict.urns).toEqual([urnOf(QUEUE, "jobs")]);
        expect(checkStack(policy, stack(queue, { ...age, threshold: 3600 })).violations).toEqual([expect.stringContaining("above 3600 s, later than the limit 900 s")]);
        expect(checkStack(policy, stack(queue, { ...age, metricName: "ApproximateNumberOfMessagesVisible", threshold: 1000 })).violations).toHaveLength(1);
        expect(checkStack(policy, stack(queue, { ...age, alarmActions: [] })).violations).toEqual([expect.stringContaining("sets no alarmActions")]);
    });

    it("judges a queue whose name is omitted (generated) through the graph, and is unknown when an unplaced dimension is", () => {
        const linked = [resource(QUEUE, "jobs", { sqsManagedSseEnabled: true }), resource(ALARM, "age", { ...age, dimensions: { QueueName: UNKNOWN } }, { dependencies: [urnOf(QUEUE, "jobs")] })];
        expect(checkStack(policy, linked)).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [resource(QUEUE, "jobs", queue), resource(ALARM, "age", { ...age, dimensions: { QueueName: UNKNOWN } })]).unknownUrns).toEqual([urnOf(QUEUE, "jobs")]);
    });

    it("reads the age limit from the config", () => {
        expect(checkStack(policy, stack(queue, age), { maximumMessageAgeSeconds: 300 }).violations).toEqual([expect.stringContaining("later than the limit 300 s")]);
        expect(checkStack(policy, stack(queue, { ...age, threshold: 3600 }), { maximumMessageAgeSeconds: 3600 }).violations).toEqual([]);
    });
});
