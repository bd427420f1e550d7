import { resourcePolicy } from "../../lib/define";
import { describeType, integer } from "../../lib/values";

export default resourcePolicy({
    name: "aws-appautoscaling-require-min-capacity",
    description: "Application Auto Scaling targets (ECS services, DynamoDB, Aurora replicas, ...) keep at least the minimum capacity, and maxCapacity is not below minCapacity.",
    priority: "P1",
    severity: "medium",
    checklist: ["001.deployment.auto-scaling-min-1", "003.performance.auto-scaling", "002.infrastructure-setup.auto-scaling"],
    remediationSteps: "Set minCapacity to the minimum (1 by default) or more, and maxCapacity to minCapacity or more.",
    tags: ["availability"],
    config: {
        minimum: {
            type: "integer",
            minimum: 1,
            default: 1,
            description: "Smallest minCapacity accepted. Default 1: 001 asks for auto-scaling with at least 1 instance.",
        },
    },
    resourceTypes: ["aws:appautoscaling/target:Target"],
    validate: ({ name, props }, config, report) => {
        const where = `scaling target '${name}'`;
        const min = integer(props.minCapacity);
        if (min === undefined) {
            report(`${where} sets minCapacity to ${describeType(props.minCapacity)}, not a number: set minCapacity to ${config.minimum} or more.`);
        } else if (min < config.minimum) {
            report(`${where} may scale to ${min}, below the minimum capacity ${config.minimum}: set minCapacity to ${config.minimum} or more.`);
        }
        const max = integer(props.maxCapacity);
        if (max === undefined) {
            report(`${where} sets maxCapacity to ${describeType(props.maxCapacity)}, not a number: set maxCapacity to minCapacity or more.`);
        } else if (min !== undefined && max < min) {
            report(`${where} sets maxCapacity ${max} below minCapacity ${min}: set maxCapacity to ${min} or more.`);
        }
    },
});
