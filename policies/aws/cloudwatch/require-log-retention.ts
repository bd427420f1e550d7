import { resourcePolicy } from "../../lib/define";
import { describeType, integer } from "../../lib/values";

export default resourcePolicy({
    name: "aws-cloudwatch-require-log-retention",
    description: "CloudWatch log groups keep logs at least the minimum number of days and, when a maximum is configured, no longer than it.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.logging.log-retention", "003.monitoring-logging.log-retention-policy"],
    remediationSteps: "Set retentionInDays to a value CloudWatch accepts between the minimum (30 by default) and the maximum, e.g. 30, 60 or 90.",
    tags: ["observability"],
    config: {
        minimumDays: {
            type: "integer",
            minimum: 1,
            default: 30,
            description: "Minimum retention in days. Default 30: 004 asks for log retention of 30-90 days.",
        },
        maximumDays: {
            type: "integer",
            minimum: 0,
            default: 0,
            description: "Maximum retention in days; 0 means no maximum. Default 0: 004's 90 days is a range to choose from, and logs kept longer (audit trails) are not a defect; set 90 to enforce it.",
        },
    },
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    validate: ({ name, props }, config, report) => {
        const where = `log group '${name}'`;
        const max = config.maximumDays > 0 ? config.maximumDays : undefined;
        const range = max !== undefined ? `between ${config.minimumDays} and ${max}` : `${config.minimumDays} or more`;
        const value = props.retentionInDays;
        if (value === undefined || integer(value) === 0) {
            // Never expire: satisfies any minimum, breaks a maximum.
            if (max !== undefined) {
                report(`${where} keeps logs forever (no retentionInDays), beyond the maximum ${max}: set retentionInDays ${range}.`);
            }
            return;
        }
        const days = integer(value);
        if (days === undefined) {
            report(`${where} sets retentionInDays to ${describeType(value)}, not a number of days: set it ${range}.`);
        } else if (days < config.minimumDays) {
            report(`${where} keeps logs ${days} day(s), below the minimum ${config.minimumDays}: set retentionInDays ${range}.`);
        } else if (max !== undefined && days > max) {
            report(`${where} keeps logs ${days} days, beyond the maximum ${max}: set retentionInDays ${range}.`);
        }
    },
});
