import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

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
        // Neptune instances are private by default.
        requireSwitch(props.publiclyAccessible, {
            where: `Neptune cluster instance '${name}'`,
            property: "publiclyAccessible",
            required: false,
            wrong: "is publicly accessible",
        }, report);
    },
});
