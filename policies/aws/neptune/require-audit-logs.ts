import { missingEntries } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-neptune-require-audit-logs",
    description: "Neptune clusters export their audit log to CloudWatch Logs (enableCloudwatchLogsExports includes \"audit\"); Neptune exports no log when it is omitted. The cluster parameter group must also turn auditing on (neptune_enable_audit_log), which this policy does not judge.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.audit-logging", "002.security-configuration.audit-logging"],
    remediationSteps: "Set enableCloudwatchLogsExports: [\"audit\"] (add \"slowquery\" if wanted) and neptune_enable_audit_log = 1 in the cluster parameter group.",
    tags: ["observability"],
    resourceTypes: ["aws:neptune/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        const where = `Neptune cluster '${name}'`;
        const value = given(props.enableCloudwatchLogsExports);
        if (value !== undefined && !Array.isArray(value)) {
            report(`${where} sets enableCloudwatchLogsExports to ${describeType(value)}, not a list: set it to ["audit"].`);
            return;
        }
        // A log type unknown during preview decides only when "audit" is missing from the known ones.
        if (missingEntries(value, ["audit"], (t) => text(t)?.trim().toLowerCase()).length > 0) {
            const how = value === undefined ? "omits enableCloudwatchLogsExports, so Neptune exports no audit log" : "does not export the audit log";
            report(`${where} ${how}: add "audit" to enableCloudwatchLogsExports.`);
        }
    },
});
