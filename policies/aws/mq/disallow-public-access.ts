import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given } from "../../lib/values";

export default resourcePolicy({
    name: "aws-mq-disallow-public-access",
    description: "Amazon MQ brokers are not publicly accessible: applications reach them from inside the VPC.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.infrastructure.only-necessary-ports-open", "003.infrastructure.network-configuration"],
    remediationSteps: "Remove publiclyAccessible or set it to false, and give the broker subnetIds and securityGroups in private subnets.",
    tags: ["network"],
    resourceTypes: ["aws:mq/broker:Broker"],
    validate: ({ name, props }, _config, report) => {
        const value = given(props.publiclyAccessible);
        if (value === undefined) {
            return; // brokers are private by default
        }
        const open = bool(value);
        if (open === undefined) {
            report(`MQ broker '${name}' sets publiclyAccessible to ${describeType(value)}, not a boolean: set it to false.`);
        } else if (open) {
            report(`MQ broker '${name}' is publicly accessible, so its endpoints resolve to public IP addresses: set publiclyAccessible: false.`);
        }
    },
});
