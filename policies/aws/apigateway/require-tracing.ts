import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-apigateway-require-tracing",
    description: "API Gateway REST API stages trace requests with AWS X-Ray (xrayTracingEnabled), so the latency of each call is recorded end to end.",
    priority: "P1",
    severity: "low",
    checklist: ["002.monitoring-and-logging.performance-monitoring"],
    remediationSteps: "Set xrayTracingEnabled: true on the stage.",
    tags: ["observability"],
    resourceTypes: ["aws:apigateway/stage:Stage"],
    validate: ({ name, props }, _config, report) => {
        requireTrue(props.xrayTracingEnabled, `API Gateway stage '${name}'`, "xrayTracingEnabled", "so API Gateway records no X-Ray traces", "set xrayTracingEnabled: true", report);
    },
});
