import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given } from "../../lib/values";

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
        const value = given(props.publiclyAccessible);
        if (value === undefined) {
            return; // defaults to false
        }
        const open = bool(value);
        if (open === undefined) {
            report(`${where} sets publiclyAccessible to ${describeType(value)}, not a boolean: set it to false.`);
        } else if (open) {
            report(`${where} is publicly accessible: set publiclyAccessible: false.`);
        }
    },
});
