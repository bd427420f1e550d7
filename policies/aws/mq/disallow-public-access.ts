import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

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
        // Brokers are private by default.
        requireSwitch(props.publiclyAccessible, {
            where: `MQ broker '${name}'`,
            property: "publiclyAccessible",
            required: false,
            wrong: "is publicly accessible, so its endpoints resolve to public IP addresses",
        }, report);
    },
});
