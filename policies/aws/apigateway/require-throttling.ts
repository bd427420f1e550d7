import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { attempt } from "../../lib/unknowns";
import { describeType, given, record, records, text } from "../../lib/values";

const STAGE = "aws:apigateway/stage:Stage";
const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
const USAGE_PLAN = "aws:apigateway/usagePlan:UsagePlan";

/**
 * What is wrong with a throttle's rate (requests per second) and burst limit, or undefined when
 * both are positive. API Gateway reads an omitted or negative limit (its default, -1) as no throttling.
 */
export function throttleProblem(rate: () => unknown, burst: () => unknown, rateProperty: string, burstProperty: string): string | undefined {
    const problems: string[] = [];
    // Each limit on its own: one unknown during preview decides only when the other is fine.
    let unknown: unknown;
    for (const [read, property] of [[rate, rateProperty], [burst, burstProperty]] as const) {
        const value = attempt(read);
        if (value.unknown !== undefined) {
            unknown ??= value.unknown;
            continue;
        }
        const given_ = given(value.value);
        const n = typeof given_ === "number" ? given_ : typeof given_ === "string" && given_.trim() !== "" ? Number(given_) : NaN;
        if (given_ === undefined) {
            problems.push(`omits ${property}`);
        } else if (Number.isNaN(n)) {
            problems.push(`sets ${property} to ${describeType(value.value)}, not a number`);
        } else if (n <= 0) {
            problems.push(`sets ${property} to ${n}, which turns throttling off`);
        }
    }
    if (problems.length === 0 && unknown !== undefined) {
        throw unknown;
    }
    return problems.length > 0 ? problems.join(" and ") : undefined;
}

function settingsProblem(settings: PolicyResource): string | undefined {
    const path = text(given(settings.props.methodPath));
    if (path !== "*/*") {
        return `method settings '${settings.name}' apply to ${path ? `"${path}"` : "no method path"}, not to every method ("*/*")`;
    }
    const values = record(settings.props.settings);
    const problem = throttleProblem(() => values?.throttlingRateLimit, () => values?.throttlingBurstLimit, "settings.throttlingRateLimit", "settings.throttlingBurstLimit");
    return problem && `method settings '${settings.name}' ${problem}`;
}

function planProblem(plan: PolicyResource): string | undefined {
    const throttle = record(plan.props.throttleSettings);
    const problem = throttleProblem(() => throttle?.rateLimit, () => throttle?.burstLimit, "throttleSettings.rateLimit", "throttleSettings.burstLimit");
    return problem && `usage plan '${plan.name}' ${problem}`;
}

export default stackPolicy({
    name: "aws-apigateway-require-throttling",
    description: "API Gateway REST API stages are throttled: an aws.apigateway.MethodSettings for every method (\"*/*\") of the stage sets a positive throttlingRateLimit and throttlingBurstLimit, or (when accepted) a usage plan with a throttle lists the stage. Method settings and usage plans are joined to their stage by the dependency graph, else by stage name.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.security-configuration.rate-limiting"],
    remediationSteps: "Add an aws.apigateway.MethodSettings { restApi, stageName: <stage>.stageName, methodPath: \"*/*\", settings: { throttlingRateLimit, throttlingBurstLimit } } for the stage.",
    tags: ["network"],
    config: {
        acceptUsagePlanThrottling: {
            type: "boolean", default: true,
            description: "Accept a usage plan with throttleSettings that lists the stage in place of stage-wide method settings. Default true: 002 asks for production rate limiting without naming where; a usage plan throttles the requests that carry its API keys.",
        },
    },
    resourceTypes: [STAGE, METHOD_SETTINGS, USAGE_PLAN],
    validate: (resources, config, report, context) => {
        const stages = ofTypes(resources, [STAGE]);
        const stageNames = (stage: PolicyResource) => [stage.props.stageName];
        const bySettings = linkJudge(indexLinks(stages, ofTypes(resources, [METHOD_SETTINGS]), "stageName", stageNames), settingsProblem);
        const plans = config.acceptUsagePlanThrottling ? ofTypes(resources, [USAGE_PLAN]) : [];
        const byPlan = linkJudge(
            indexLinks(stages, plans, "apiStages", stageNames, (plan) => records(plan.props.apiStages).map((s) => s.stage)),
            planProblem,
        );
        for (const stage of stages) {
            context.judge(stage, () => {
                const settings = bySettings(stage);
                if (settings === undefined) {
                    return;
                }
                const planned = byPlan(stage);
                if (planned === undefined) {
                    return;
                }
                const found = [...settings, ...planned];
                const why = found.length > 0 ? found.join("; ") : "no method settings or usage plan throttles it";
                report(`API Gateway stage '${stage.name}' is not throttled (${why}): add an aws.apigateway.MethodSettings for the stage with methodPath "*/*" and a positive settings.throttlingRateLimit and settings.throttlingBurstLimit.`, stage.urn);
            });
        }
    },
});
