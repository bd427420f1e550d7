import { judgeAccessLogSettings } from "../apigateway/require-access-logs";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-apigatewayv2-require-access-logs",
    description: "API Gateway HTTP and WebSocket API stages write access logs: accessLogSettings with a destination log group and a format.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "002.monitoring-and-logging.log-aggregation", "004.logging.log-aggregation", "003.security.audit-logging"],
    remediationSteps: "Set accessLogSettings: { destinationArn: <log group ARN>, format: <JSON with $context.requestId, $context.identity.sourceIp, $context.status, ...> } on the stage.",
    tags: ["observability"],
    resourceTypes: ["aws:apigatewayv2/stage:Stage"],
    validate: ({ name, props }, _config, report) => {
        judgeAccessLogSettings(`API Gateway v2 stage '${name}'`, props, report);
    },
});
