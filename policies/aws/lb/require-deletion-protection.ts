import { resourcePolicy } from "../../lib/define";
import { LOAD_BALANCER_TYPES } from "../../lib/edge";
import { bool, describeType, given } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lb-require-deletion-protection",
    description: "Load balancers have deletion protection, so a mistaken update or destroy cannot take the entry point down.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.infrastructure-setup.load-balancer", "003.infrastructure.load-balancer"],
    remediationSteps: "Set enableDeletionProtection: true on the load balancer (turn it off in a separate change before a planned removal).",
    tags: ["availability"],
    resourceTypes: LOAD_BALANCER_TYPES,
    validate: ({ name, props }, _config, report) => {
        const protection = given(props.enableDeletionProtection);
        if (bool(protection) !== true) {
            const state = protection === undefined ? "leaves enableDeletionProtection unset (default false)" : `sets enableDeletionProtection to ${bool(protection) === false ? "false" : describeType(protection)}`;
            report(`Load balancer '${name}' ${state}: set enableDeletionProtection: true.`);
        }
    },
});
