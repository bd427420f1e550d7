import { resourcePolicy } from "../../lib/define";
import { anyPasses } from "../../lib/unknowns";
import { at, bool, given, isRecord } from "../../lib/values";

const DESTINATIONS = ["cloudwatchLogs", "firehose", "s3"] as const;

export default resourcePolicy({
    name: "aws-msk-require-broker-logs",
    description: "MSK clusters deliver their broker logs to at least one destination (CloudWatch Logs, Firehose or S3) through loggingInfo.brokerLogs.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "004.logging.log-aggregation", "002.monitoring-and-logging.log-aggregation"],
    remediationSteps: "Set loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: <log group name> } } } (or firehose / s3 with enabled: true).",
    tags: ["observability"],
    resourceTypes: ["aws:msk/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        const brokerLogs = at(props.loggingInfo, "brokerLogs");
        // A destination known during preview to be enabled decides before one that is unknown.
        const enabled = anyPasses(DESTINATIONS, (d) => isRecord(at(brokerLogs, d)) && bool(given(at(brokerLogs, d, "enabled"))) === true);
        if (!enabled) {
            report(`MSK cluster '${name}' delivers its broker logs nowhere (no enabled destination in loggingInfo.brokerLogs): set loggingInfo.brokerLogs.cloudwatchLogs (or firehose or s3) with enabled: true.`);
        }
    },
});
