import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-redshift-disallow-public-access",
    description: "Redshift clusters are not publicly accessible: no public IP address is attached, so they are reached from inside the VPC only.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.infrastructure.only-necessary-ports-open", "003.infrastructure.network-configuration"],
    remediationSteps: "Remove publiclyAccessible or set it to false, and reach the cluster from private subnets.",
    tags: ["network"],
    resourceTypes: ["aws:redshift/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        // Redshift defaults to private clusters.
        requireSwitch(props.publiclyAccessible, {
            where: `Redshift cluster '${name}'`,
            property: "publiclyAccessible",
            required: false,
            wrong: "is publicly accessible",
        }, report);
    },
});
