import { resourcePolicy } from "../../lib/define";
import { requireAtLeast } from "../../lib/checks";
import { attempt, Parts } from "../../lib/unknowns";
import { integer } from "../../lib/values";

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
            maximum: 1000,
            default: 1,
            description: "Smallest minCapacity accepted (up to 1000). Default 1: 001 asks for auto-scaling with at least 1 instance.",
        },
    },
    resourceTypes: ["aws:appautoscaling/target:Target"],
    validate: ({ name, props }, config, report) => {
        const where = `scaling target '${name}'`;
        // minCapacity and maxCapacity are required by the provider: an omitted one is reported, not defaulted.
        // The minimum and the maximum apart: one unknown during preview hides no violation of the other.
        // The maximum must reach the minimum too: while that is unknown, it is held to the configured
        // minimum, and the unknown minimum decides only when the maximum reaches that.
        const parts = new Parts(report);
        parts.judge(() => requireAtLeast(props.minCapacity, { where, property: "minCapacity", minimum: config.minimum, unit: "unit(s) of capacity", omitted: "which the scaling target requires" }, parts.report));
        parts.judge(() => {
            const read = attempt(() => integer(props.minCapacity));
            const min = read.unknown === undefined ? read.value : undefined;
            let reported = false;
            requireAtLeast(props.maxCapacity, { where: min === undefined ? where : `${where}, whose minCapacity is ${min},`, property: "maxCapacity", minimum: Math.max(min ?? config.minimum, config.minimum), unit: "unit(s) of capacity", omitted: "which the scaling target requires" }, (message) => {
                reported = true;
                parts.report(message);
            });
            if (!reported && read.unknown !== undefined) {
                throw read.unknown;
            }
        });
        parts.settle();
    },
});
