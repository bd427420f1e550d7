import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-rds-disallow-public-access",
    description: "RDS and Aurora database instances are not publicly accessible.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.infrastructure.only-necessary-ports-open", "003.infrastructure.network-configuration"],
    remediationSteps: "Remove publiclyAccessible or set it to false, and reach the database from private subnets.",
    tags: ["network"],
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"],
    validate: ({ type, name, props }, _config, report) => {
        const where = `${type === "aws:rds/instance:Instance" ? "RDS instance" : "Aurora cluster instance"} '${name}'`;
        // Defaults to false.
        requireSwitch(props.publiclyAccessible, { where, property: "publiclyAccessible", required: false, wrong: "is publicly accessible" }, report);
    },
});
