import { throttleProblem } from "../apigateway/require-throttling";
import { resourcePolicy } from "../../lib/define";
import { record } from "../../lib/values";

export default resourcePolicy({
    name: "aws-apigatewayv2-require-throttling",
    description: "API Gateway HTTP and WebSocket API stages throttle their routes: defaultRouteSettings sets a positive throttlingRateLimit and throttlingBurstLimit (without them only the account-wide limit applies).",
    priority: "P1",
    severity: "medium",
    checklist: ["002.security-configuration.rate-limiting"],
    remediationSteps: "Set defaultRouteSettings: { throttlingRateLimit, throttlingBurstLimit } on the stage (routeSettings may still raise or lower single routes).",
    tags: ["network"],
    resourceTypes: ["aws:apigatewayv2/stage:Stage"],
    validate: ({ name, props }, _config, report) => {
        const defaults = record(props.defaultRouteSettings);
        const problem = throttleProblem(() => defaults?.throttlingRateLimit, () => defaults?.throttlingBurstLimit, "defaultRouteSettings.throttlingRateLimit", "defaultRouteSettings.throttlingBurstLimit");
        if (problem) {
            report(`API Gateway v2 stage '${name}' ${problem}, so its routes are not throttled: set a positive defaultRouteSettings.throttlingRateLimit and throttlingBurstLimit.`);
        }
    },
});
