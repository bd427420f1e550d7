import { requireAtLeast } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { given, integer } from "../../lib/values";

/** The retentionInDays values CloudWatch Logs accepts (PutRetentionPolicy); 0 or unset keeps logs forever. */
const ACCEPTED_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export default resourcePolicy({
    name: "aws-cloudwatch-require-log-retention",
    description: "CloudWatch log groups keep logs at least the minimum number of days and, when a maximum is configured, no longer than it; retentionInDays must be one of the values CloudWatch Logs accepts.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.logging.log-retention", "003.monitoring-logging.log-retention-policy"],
    remediationSteps: "Set retentionInDays to a value CloudWatch accepts between the minimum (30 by default) and the maximum, e.g. 30, 60 or 90.",
    tags: ["observability"],
    config: {
        minimumDays: {
            type: "integer",
            minimum: 1,
            maximum: 3653,
            default: 30,
            description: "Minimum retention in days. Default 30: 004 asks for log retention of 30-90 days. At most 3653, the longest finite retention CloudWatch Logs offers.",
        },
        maximumDays: {
            type: "integer",
            minimum: 0,
            maximum: 3653,
            default: 0,
            description: "Maximum retention in days; 0 means no maximum. Default 0: 004's 90 days is a range to choose from, and logs kept longer (audit trails) are not a defect; set 90 to enforce it.",
        },
    },
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    validate: ({ name, props }, config, report) => {
        const where = `log group '${name}'`;
        const max = config.maximumDays > 0 ? config.maximumDays : undefined;
        const range = max !== undefined ? `between ${config.minimumDays} and ${max}` : `${config.minimumDays} or more`;
        const value = given(props.retentionInDays);
        const days = integer(value);
        if (value === undefined || days === 0) {
            // Never expire: satisfies any minimum, breaks a maximum.
            if (max !== undefined) {
                report(`${where} keeps logs forever (no retentionInDays), beyond the maximum ${max}: set retentionInDays ${range}.`);
            }
            return;
        }
        if (days !== undefined && !ACCEPTED_DAYS.includes(days)) {
            const choices = ACCEPTED_DAYS.filter((d) => d >= config.minimumDays && (max === undefined || d <= max)).slice(0, 3);
            report(`${where} sets retentionInDays to ${days}, which CloudWatch Logs rejects (it accepts ${ACCEPTED_DAYS.join(", ")}, or 0 to keep logs forever): set retentionInDays ${range}${choices.length ? `, e.g. ${choices.join(", ")}` : ""}.`);
            return;
        }
        requireAtLeast(value, { where, property: "retentionInDays", minimum: config.minimumDays, unit: "day(s)" }, report);
        if (max !== undefined && days !== undefined && days > max) {
            report(`${where} keeps logs ${days} days, beyond the maximum ${max}: set retentionInDays ${range}.`);
        }
    },
});
