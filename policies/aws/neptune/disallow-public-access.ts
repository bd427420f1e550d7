import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given } from "../../lib/values";

export default resourcePolicy({
    name: "aws-neptune-disallow-public-access",
    description: "Neptune cluster instances are not publicly accessible, so the graph is reached from inside the VPC only.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.infrastructure.only-necessary-ports-open", "003.infrastructure.network-configuration"],
    remediationSteps: "Remove publiclyAccessible or set it to false, and reach the cluster from private subnets.",
    tags: ["network"],
    resourceTypes: ["aws:neptune/clusterInstance:ClusterInstance"],
    validate: ({ name, props }, _config, report) => {
        const value = given(props.publiclyAccessible);
        if (value === undefined) {
            return; // Neptune instances are private by default
        }
        const open = bool(value);
        if (open === undefined) {
            report(`Neptune cluster instance '${name}' sets publiclyAccessible to ${describeType(value)}, not a boolean: set it to false.`);
        } else if (open) {
            report(`Neptune cluster instance '${name}' is publicly accessible: set publiclyAccessible: false.`);
        }
    },
});
