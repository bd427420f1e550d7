import { resourcePolicy } from "../../lib/define";
import { requireAtLeast } from "../../lib/checks";
import { given, text } from "../../lib/values";

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
            maximum: 1000,
            default: 1,
            description: "Smallest desiredCount accepted (up to 1000). Default 1: 001 asks for at least 1 instance.",
        },
    },
    resourceTypes: ["aws:ecs/service:Service"],
    validate: ({ name, props }, config, report) => {
        if (text(given(props.schedulingStrategy)) === "DAEMON") {
            return;
        }
        requireAtLeast(props.desiredCount, { where: `ECS service '${name}'`, property: "desiredCount", minimum: config.minimum, unit: "task(s)", omitted: "which defaults to 0 tasks" }, report);
    },
});
