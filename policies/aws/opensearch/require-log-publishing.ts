import { resourcePolicy } from "../../lib/define";
import { describeDomain, SEARCH_DOMAIN_TYPES } from "../../lib/edge";
import { attempt, knownItems } from "../../lib/unknowns";
import { bool, given, isDeclared, isRecord, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-opensearch-require-log-publishing",
    description: "OpenSearch and Elasticsearch domains publish their error (application) logs to CloudWatch Logs, and the slow or audit logs the configuration names, so failures of the search cluster are in the central logs.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "004.logging.log-aggregation", "002.monitoring-and-logging.log-aggregation"],
    remediationSteps: "Add logPublishingOptions: [{ logType: \"ES_APPLICATION_LOGS\", cloudwatchLogGroupArn: <log group ARN> }] (with a CloudWatch Logs resource policy that lets es.amazonaws.com write to the group), and one entry for each other required log type.",
    tags: ["observability"],
    config: {
        requiredLogTypes: {
            type: "array", items: { type: "string", enum: ["ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "AUDIT_LOGS"] },
            default: ["ES_APPLICATION_LOGS"],
            description: "Log types every domain publishes. Default the error logs (ES_APPLICATION_LOGS): 003, 004 and 002 ask for the logs to be aggregated centrally. Add INDEX_SLOW_LOGS and SEARCH_SLOW_LOGS to investigate slow queries (they also need thresholds in the index settings), or AUDIT_LOGS (which needs fine-grained access control).",
        },
    },
    resourceTypes: SEARCH_DOMAIN_TYPES,
    validate: ({ type, name, props }, config, report) => {
        const where = describeDomain(type, name);
        const published = new Set<string>();
        // The options known during preview first: one unknown decides only when a required type is missing.
        const options = knownItems(props.logPublishingOptions);
        let unknown = options.unknown;
        for (const option of options.items.filter(isRecord)) {
            const read = attempt(() => {
                const logType = text(option.logType)?.trim().toUpperCase();
                if (logType === undefined || !config.requiredLogTypes.some((t) => t === logType)) {
                    return undefined; // only the options of required types are read
                }
                // The log group's ARN is usually unknown during preview: only that it is set counts.
                return bool(given(option.enabled)) === false || !isDeclared(option, "cloudwatchLogGroupArn") ? undefined : logType;
            });
            unknown ??= read.unknown;
            if (read.value !== undefined) {
                published.add(read.value);
            }
        }
        const missing = config.requiredLogTypes.filter((t) => !published.has(t));
        if (missing.length > 0 && unknown !== undefined) {
            throw unknown;
        }
        if (missing.length > 0) {
            report(`${where} does not publish ${missing.join(", ")} to CloudWatch Logs: add logPublishingOptions ${missing.map((t) => `{ logType: "${t}", cloudwatchLogGroupArn: <log group ARN> }`).join(", ")}, with enabled left true.`);
        }
    },
});
