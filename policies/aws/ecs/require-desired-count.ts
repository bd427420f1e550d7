import { resourcePolicy } from "../../lib/define";
import { describeType, integer, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-require-desired-count",
    description: "ECS services run at least the minimum number of tasks; DAEMON services, which run one task per instance, are exempt.",
    priority: "P1",
    severity: "medium",
    checklist: ["001.deployment.auto-scaling-min-1", "003.performance.auto-scaling"],
    remediationSteps: "Set desiredCount to the minimum (1 by default) or more.",
    tags: ["availability"],
    config: {
        minimum: {
            type: "integer",
            minimum: 1,
            default: 1,
            description: "Smallest desiredCount accepted. Default 1: 001 asks for at least 1 instance.",
        },
    },
    resourceTypes: ["aws:ecs/service:Service"],
    validate: ({ name, props }, config, report) => {
        if (text(props.schedulingStrategy) === "DAEMON") {
            return;
        }
        const value = props.desiredCount;
        if (value === undefined) {
            report(`ECS service '${name}' omits desiredCount, which defaults to 0 tasks: set desiredCount to ${config.minimum} or more.`);
            return;
        }
        const count = integer(value);
        if (count === undefined) {
            report(`ECS service '${name}' sets desiredCount to ${describeType(value)}, not a number: set it to ${config.minimum} or more.`);
        } else if (count < config.minimum) {
            report(`ECS service '${name}' runs ${count} task(s), below the minimum ${config.minimum}: set desiredCount to ${config.minimum} or more.`);
        }
    },
});
