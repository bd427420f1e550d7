import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { describeType, given, record, text } from "../../lib/values";

/** Target groups: `aws.lb.TargetGroup`, its alias class `aws.alb.TargetGroup`, and the tokens both were registered under before. */
export const TARGET_GROUP_TYPES = [
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
    "aws:elasticloadbalancingv2/targetGroup:TargetGroup",
    "aws:applicationloadbalancing/targetGroup:TargetGroup",
] as const;

export default resourcePolicy({
    name: "aws-lb-require-target-group-health-check",
    description: "Load balancer target groups keep their health checks on, so the load balancer stops routing to a target that fails them: healthCheck.enabled is not false. Instance, IP and ALB target groups are always checked (Elastic Load Balancing documents that their checks cannot be turned off, so enabled: false there is an error caught before deployment); Lambda target groups do not (Elastic Load Balancing turns their health checks off by default, and a target group holds a single function, so the load balancer has no healthy target to route to instead) and are judged only when requireLambdaHealthChecks is set.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.load-balancer-health-checks", "002.build-and-deployment.health-checks"],
    remediationSteps: "Remove healthCheck.enabled: false (or set it to true) and point healthCheck.path at the service's health endpoint, e.g. healthCheck: { path: \"/health\", matcher: \"200\" }.",
    tags: ["availability"],
    config: {
        requireLambdaHealthChecks: {
            type: "boolean",
            default: false,
            description: "Also require health checks on Lambda target groups (targetType \"lambda\"). Default false: Elastic Load Balancing disables them by default, and with one function per target group a failed check changes no routing; 003 asks for load balancer health checks on the targets it balances.",
        },
    },
    resourceTypes: TARGET_GROUP_TYPES,
    validate: ({ name, props }, config, report) => {
        const lambda = text(props.targetType)?.toLowerCase() === "lambda";
        if (lambda && !config.requireLambdaHealthChecks) {
            return;
        }
        const where = `${lambda ? "Lambda target group" : "Target group"} '${name}'`;
        const check = given(props.healthCheck);
        if (check === undefined) {
            if (lambda) {
                report(`${where} declares no healthCheck, and Lambda target groups check no health by default: set healthCheck: { enabled: true, path: "/health" }.`);
            }
            return;
        }
        const settings = record(check);
        if (!settings) {
            report(`${where} sets healthCheck to ${describeType(check)}: set it to { path: "/health", matcher: "200" }.`);
            return;
        }
        // Omitted, it is on, except for Lambda target groups: there the fix is to set it, not to remove it.
        if (given(settings.enabled) === undefined) {
            if (lambda) {
                report(`${where} omits healthCheck.enabled, and Lambda target groups check no health by default: set healthCheck.enabled: true.`);
            }
            return;
        }
        requireSwitch(settings.enabled, {
            where,
            property: "healthCheck.enabled",
            required: true,
            wrong: "sets healthCheck.enabled to false, which would keep the load balancer routing to failing targets",
            fix: "remove it or set healthCheck.enabled: true",
            malformedFix: "set healthCheck.enabled: true",
        }, report);
    },
});
