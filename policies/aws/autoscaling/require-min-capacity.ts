import { resourcePolicy } from "../../lib/define";
import { requireAtLeast } from "../../lib/checks";
import { attempt, Parts } from "../../lib/unknowns";
import { integer } from "../../lib/values";

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
            maximum: 1000,
            default: 1,
            description: "Smallest minSize accepted (up to 1000). Default 1: 001 asks for auto-scaling with at least 1 instance.",
        },
    },
    resourceTypes: ["aws:autoscaling/group:Group"],
    validate: ({ name, props }, config, report) => {
        const where = `Auto Scaling group '${name}'`;
        // minSize and maxSize are required by the provider: an omitted one is reported, not defaulted.
        // The minimum and the maximum apart: one unknown during preview hides no violation of the other.
        // The maximum must reach the minimum too: while that is unknown, it is held to the configured
        // minimum, and the unknown minimum decides only when the maximum reaches that.
        const parts = new Parts(report);
        parts.judge(() => requireAtLeast(props.minSize, { where, property: "minSize", minimum: config.minimum, unit: "instance(s)", omitted: "which the Auto Scaling group requires" }, parts.report));
        parts.judge(() => {
            const read = attempt(() => integer(props.minSize));
            const min = read.unknown === undefined ? read.value : undefined;
            let reported = false;
            requireAtLeast(props.maxSize, { where: min === undefined ? where : `${where}, whose minSize is ${min},`, property: "maxSize", minimum: Math.max(min ?? config.minimum, config.minimum), unit: "instance(s)", omitted: "which the Auto Scaling group requires" }, (message) => {
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
