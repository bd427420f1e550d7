import { resourcePolicy } from "../../lib/define";
import { describeType, integer } from "../../lib/values";

export default resourcePolicy({
    name: "aws-autoscaling-require-min-capacity",
    description: "Auto Scaling groups keep at least the minimum number of instances, and maxSize is not below minSize.",
    priority: "P1",
    severity: "medium",
    checklist: ["001.deployment.auto-scaling-min-1", "003.performance.auto-scaling", "002.infrastructure-setup.auto-scaling"],
    remediationSteps: "Set minSize to the minimum (1 by default) or more, and maxSize to minSize or more.",
    tags: ["availability"],
    config: {
        minimum: {
            type: "integer",
            minimum: 1,
            default: 1,
            description: "Smallest minSize accepted. Default 1: 001 asks for auto-scaling with at least 1 instance.",
        },
    },
    resourceTypes: ["aws:autoscaling/group:Group"],
    validate: ({ name, props }, config, report) => {
        const where = `Auto Scaling group '${name}'`;
        const min = integer(props.minSize);
        if (min === undefined) {
            report(`${where} sets minSize to ${describeType(props.minSize)}, not a number: set minSize to ${config.minimum} or more.`);
        } else if (min < config.minimum) {
            report(`${where} may scale to ${min} instance(s), below the minimum ${config.minimum}: set minSize to ${config.minimum} or more.`);
        }
        const max = integer(props.maxSize);
        if (max === undefined) {
            report(`${where} sets maxSize to ${describeType(props.maxSize)}, not a number: set maxSize to minSize or more.`);
        } else if (min !== undefined && max < min) {
            report(`${where} sets maxSize ${max} below minSize ${min}: set maxSize to ${min} or more.`);
        }
    },
});
