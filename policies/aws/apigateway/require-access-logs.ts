import { resourcePolicy } from "../../lib/define";
import { describeType, record } from "../../lib/values";

/**
 * True when `object[key]` holds a value, judged without reading a value unknown during preview: a
 * destination ARN or bucket is usually another resource's output, unknown until it exists, and set
 * all the same. A known null, blank string or empty list is not set (see `given`).
 */
export function isSetWithoutReading(object: Record<string, unknown> | undefined, key: string): boolean {
    if (object === undefined || !(key in object)) {
        return false;
    }
    // The descriptor holds the raw value, so a value unknown during preview is not read through the proxy.
    const raw: unknown = Object.getOwnPropertyDescriptor(object, key)?.value;
    if (raw === null || raw === undefined) {
        return false;
    }
    return !((typeof raw === "string" && raw.trim() === "") || (Array.isArray(raw) && raw.length === 0));
}

/**
 * Judges an API Gateway stage's `accessLogSettings` (REST, HTTP and WebSocket stages share the
 * shape): a destination (a CloudWatch Logs log group or a Firehose stream) and a format, both set.
 */
export function judgeAccessLogSettings(where: string, props: Record<string, unknown>, report: (message: string) => void): void {
    const fix = "set accessLogSettings: { destinationArn: <log group ARN>, format: <one-line format with $context.requestId> }";
    if (!isSetWithoutReading(props, "accessLogSettings")) {
        report(`${where} has no accessLogSettings, so API Gateway writes no access log of its requests: ${fix}.`);
        return;
    }
    const settings = record(props.accessLogSettings);
    if (settings === undefined) {
        report(`${where} sets accessLogSettings to ${describeType(props.accessLogSettings)}, not an object: ${fix}.`);
        return;
    }
    if (!isSetWithoutReading(settings, "destinationArn")) {
        report(`${where} sets accessLogSettings without a destinationArn, so no access log is delivered: set destinationArn to the ARN of a CloudWatch Logs log group (or a Firehose stream).`);
    }
    if (!isSetWithoutReading(settings, "format")) {
        report(`${where} sets accessLogSettings without a format, so API Gateway writes no access log: set format to a one-line log format, e.g. JSON with $context.requestId, $context.identity.sourceIp, $context.status.`);
    }
}

export default resourcePolicy({
    name: "aws-apigateway-require-access-logs",
    description: "API Gateway REST API stages write access logs: accessLogSettings with a destination (a CloudWatch Logs log group or a Firehose stream) and a format.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "002.monitoring-and-logging.log-aggregation", "004.logging.log-aggregation", "003.security.audit-logging"],
    remediationSteps: "Set accessLogSettings: { destinationArn: <log group ARN>, format: <JSON with $context.requestId, $context.identity.sourceIp, $context.status, ...> } on the stage (the account's API Gateway CloudWatch role must be set once, with aws.apigateway.Account).",
    tags: ["observability"],
    resourceTypes: ["aws:apigateway/stage:Stage"],
    validate: ({ name, props }, _config, report) => {
        judgeAccessLogSettings(`API Gateway stage '${name}'`, props, report);
    },
});
