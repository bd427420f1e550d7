import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given } from "../../lib/values";

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
        const value = given(props.publiclyAccessible);
        if (value === undefined) {
            return; // Redshift defaults to private clusters
        }
        const open = bool(value);
        if (open === undefined) {
            report(`Redshift cluster '${name}' sets publiclyAccessible to ${describeType(value)}, not a boolean: set it to false.`);
        } else if (open) {
            report(`Redshift cluster '${name}' is publicly accessible: set publiclyAccessible: false.`);
        }
    },
});
