import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-alarm-actions";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const COMPOSITE = "aws:cloudwatch/compositeAlarm:CompositeAlarm";

/** An alarm as a program may write it, alarmActions possibly mistyped or unknown during preview. */
type LooseAlarm = Omit<aws.cloudwatch.MetricAlarmArgs, "alarmActions"> & { alarmActions?: unknown };

const alarm = (args: Partial<LooseAlarm> = {}): LooseAlarm => ({
    namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", statistic: "Sum", comparisonOperator: "GreaterThanThreshold",
    threshold: 50, period: 60, evaluationPeriods: 5, alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"], ...args,
});

describe("aws-cloudwatch-require-alarm-actions", () => {
    it("passes an alarm that notifies an SNS topic, also when the topic ARN is unknown during preview", () => {
        expect(checkResource(policy, { type: ALARM, props: alarm() }).violations).toEqual([]);
        const pending = checkResource(policy, { type: ALARM, props: alarm({ alarmActions: [UNKNOWN] }) });
        expect(pending).toEqual({ violations: [] });
    });
    it("fires when alarmActions is omitted or empty", () => {
        const { alarmActions: _omitted, ...silent } = alarm();
        expect(checkResource(policy, { type: ALARM, name: "cpu", props: silent }).violations).toEqual([expect.stringContaining("CloudWatch alarm 'cpu' sets no alarmActions")]);
        expect(checkResource(policy, { type: ALARM, props: alarm({ alarmActions: [] }) }).violations).toEqual([expect.stringContaining("sets no alarmActions")]);
    });
    it("fires when actions are switched off, or alarmActions is not a list", () => {
        expect(checkResource(policy, { type: ALARM, props: alarm({ actionsEnabled: false }) }).violations).toEqual([expect.stringContaining("actionsEnabled to false")]);
        expect(checkResource(policy, { type: ALARM, props: alarm({ alarmActions: "arn:aws:sns:us-east-1:123456789012:alerts" }) }).violations).toEqual([expect.stringContaining("not a list of ARNs")]);
    });
    it("judges composite alarms too", () => {
        const composite: aws.cloudwatch.CompositeAlarmArgs = { alarmName: "service", alarmRule: "ALARM(cpu) AND ALARM(memory)" };
        expect(checkResource(policy, { type: COMPOSITE, name: "service", props: composite }).violations).toEqual([expect.stringContaining("CloudWatch composite alarm 'service' sets no alarmActions")]);
    });
    it("is unknown during preview when the whole actions list is unknown", () => {
        expect(checkResource(policy, { type: ALARM, props: alarm({ alarmActions: UNKNOWN }) }).unknown).toBeDefined();
    });
    it("honours an exemption given in config", () => {
        const { alarmActions: _omitted, ...silent } = alarm();
        const verdict = checkResource(policy, { type: ALARM, name: "legacy-cpu", props: silent, config: { exemptions: [{ resource: "legacy-*", reason: "kept as a dashboard signal" }] } });
        expect(verdict.notApplicable).toContain("kept as a dashboard signal");
    });

    it("reports disabled actions next to alarm actions unknown during preview", () => {
        expect(checkResource(policy, { type: ALARM, name: "errors", props: alarm({ alarmActions: UNKNOWN, actionsEnabled: false }) }).violations)
            .toEqual([expect.stringContaining("CloudWatch alarm 'errors' sets actionsEnabled to false")]);
        expect(checkResource(policy, { type: ALARM, props: alarm({ alarmActions: [UNKNOWN] }) })).toEqual({ violations: [] });
    });
});
