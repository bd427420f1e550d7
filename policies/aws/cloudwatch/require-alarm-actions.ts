import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { describeType, given } from "../../lib/values";

export default resourcePolicy({
    name: "aws-cloudwatch-require-alarm-actions",
    description: "Every CloudWatch alarm notifies someone: it sets alarmActions and does not switch its actions off.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.alerting.alert-channels"],
    remediationSteps: "Set alarmActions to the ARN of an SNS topic the on-call rotation subscribes to, and leave actionsEnabled at its default true.",
    tags: ["observability"],
    resourceTypes: ["aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/compositeAlarm:CompositeAlarm"],
    validate: ({ type, name, props }, _config, report) => {
        const where = `${type.endsWith("CompositeAlarm") ? "composite alarm" : "alarm"} '${name}'`;
        // The actions and the switch apart: one unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => {
            const actions = given(props.alarmActions);
            if (actions === undefined) {
                parts.report(`CloudWatch ${where} sets no alarmActions, so it changes state without telling anyone: set alarmActions to an SNS topic ARN the on-call rotation subscribes to.`);
            } else if (!Array.isArray(actions)) {
                parts.report(`CloudWatch ${where} sets alarmActions to ${describeType(actions)}, not a list of ARNs: set alarmActions to a list of SNS topic ARNs.`);
            }
        });
        parts.judge(() => {
            const enabled = props.actionsEnabled;
            if (enabled === false || enabled === "false") {
                parts.report(`CloudWatch ${where} sets actionsEnabled to false, so its actions never run: remove actionsEnabled or set it to true.`);
            }
        });
        parts.settle();
    },
});
