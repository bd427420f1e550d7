import { resourcePolicy } from "../../lib/define";
import { missingEntries } from "../../lib/checks";
import { describeType, given, text } from "../../lib/values";

const LOG_TYPES = ["audit", "profiler"] as const;

export default resourcePolicy({
    name: "aws-docdb-require-log-exports",
    description: "DocumentDB clusters export the required logs to CloudWatch Logs (by default the audit log) through enabledCloudwatchLogsExports; DocumentDB exports none when it is omitted. The cluster parameter group must also turn the logs on (audit_logs, profiler), which this policy does not judge.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "004.logging.log-aggregation", "002.monitoring-and-logging.log-aggregation"],
    remediationSteps: "Set enabledCloudwatchLogsExports to include every required log type, e.g. [\"audit\", \"profiler\"], and set audit_logs (and profiler) to \"enabled\" in the cluster parameter group.",
    tags: ["observability"],
    config: {
        requiredLogTypes: {
            type: "array",
            items: { type: "string", enum: LOG_TYPES },
            uniqueItems: true,
            default: ["audit"],
            description: "Log types every cluster must export. Default audit: 003, 004 and 002 ask for logs aggregated centrally, and the audit log records who connected and what they changed; add profiler to collect slow operations as well.",
        },
    },
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        const where = `DocumentDB cluster '${name}'`;
        const value = given(props.enabledCloudwatchLogsExports);
        const wanted = config.requiredLogTypes.map((t) => `"${t}"`).join(", ");
        if (value !== undefined && !Array.isArray(value)) {
            report(`${where} sets enabledCloudwatchLogsExports to ${describeType(value)}, not a list: set it to [${wanted}].`);
            return;
        }
        // A log type unknown during preview decides only when a known one is missing.
        const missing = missingEntries(value, config.requiredLogTypes, (t) => text(t)?.trim().toLowerCase());
        if (missing.length > 0) {
            const how = value === undefined ? "omits enabledCloudwatchLogsExports, so DocumentDB exports no logs" : "does not export every required log type";
            report(`${where} ${how} (missing ${missing.join(", ")}): add ${missing.map((t) => `"${t}"`).join(", ")} to enabledCloudwatchLogsExports.`);
        }
    },
});
