import { throttleProblem } from "./require-throttling";
import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { given, integer, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-apigateway-require-usage-plan-limits",
    description: "API Gateway usage plans, which apply to each API key they hold, limit every key: a throttle with a positive rate and burst limit and, when required, a request quota per day, week or month. API keys only work through a usage plan, so every key is limited.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.authentication-authorization.per-key-rate-limiting"],
    remediationSteps: "Set throttleSettings: { rateLimit, burstLimit } on the usage plan (and quotaSettings: { limit, period: \"DAY\" } when a quota is required).",
    tags: ["network"],
    config: {
        requireQuota: {
            type: "boolean", default: false,
            description: "Also require quotaSettings (a request limit per day, week or month). Default false: 004 asks for rate limiting per API key, which the throttle gives; a quota is a business limit.",
        },
    },
    resourceTypes: ["aws:apigateway/usagePlan:UsagePlan"],
    validate: ({ name, props }, config, report) => {
        // Throttling and quota apart: one setting unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => {
            const throttle = record(props.throttleSettings);
            const problem = throttleProblem(() => throttle?.rateLimit, () => throttle?.burstLimit, "throttleSettings.rateLimit", "throttleSettings.burstLimit");
            if (problem) {
                parts.report(`API Gateway usage plan '${name}' ${problem}, so its API keys are not rate limited: set a positive throttleSettings.rateLimit and throttleSettings.burstLimit.`);
            }
        });
        parts.judge(() => {
            if (config.requireQuota) {
                const quota = record(props.quotaSettings);
                const limit = integer(given(quota?.limit));
                if (limit === undefined || limit <= 0 || text(given(quota?.period)) === undefined) {
                    parts.report(`API Gateway usage plan '${name}' sets no request quota: set quotaSettings: { limit, period: "DAY" | "WEEK" | "MONTH" }.`);
                }
            }
        });
        parts.settle();
    },
});
