import { resourcePolicy } from "../../lib/define";
import { describeType, given, record, showSetting, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lambda-require-tracing",
    description: "Lambda functions trace invocations with AWS X-Ray: tracingConfig.mode \"Active\" (PassThrough, the default, traces only requests a caller already sampled).",
    priority: "P1",
    severity: "low",
    checklist: ["002.monitoring-and-logging.performance-monitoring"],
    remediationSteps: "Set tracingConfig: { mode: \"Active\" } on the function; its role needs xray:PutTraceSegments and xray:PutTelemetryRecords (the AWSXRayDaemonWriteAccess managed policy).",
    tags: ["observability"],
    resourceTypes: ["aws:lambda/function:Function"],
    validate: ({ name, props }, _config, report) => {
        const where = `Lambda function '${name}'`;
        const tracing = given(props.tracingConfig);
        if (tracing === undefined) {
            report(`${where} has no tracingConfig, so Lambda traces only invocations a caller already sampled (PassThrough): set tracingConfig: { mode: "Active" }.`);
            return;
        }
        const mode = given(record(tracing)?.mode);
        const value = text(mode);
        if (mode === undefined) {
            report(`${where} sets tracingConfig without a mode, so Lambda traces only invocations a caller already sampled (PassThrough): set tracingConfig: { mode: "Active" }.`);
        } else if (value === undefined) {
            report(`${where} sets tracingConfig.mode to ${describeType(mode)}, not a string: set tracingConfig: { mode: "Active" }.`);
        } else if (value.trim() === "PassThrough") {
            report(`${where} sets tracingConfig.mode to "PassThrough", so Lambda traces only invocations a caller already sampled: set it to "Active".`);
        } else if (value.trim() !== "Active") {
            report(`${where} sets tracingConfig.mode to ${showSetting(value)}, which Lambda does not accept (it takes "Active" or "PassThrough"): set it to "Active".`);
        }
    },
});
