import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-dms-disallow-public-access",
    description: "DMS replication instances are not publicly accessible: they reach their source and target databases from private subnets. The DMS API makes an instance public when publiclyAccessible is omitted, so it must be set to false.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.infrastructure.only-necessary-ports-open", "003.infrastructure.network-configuration"],
    remediationSteps: "Set publiclyAccessible: false and place the instance in a replication subnet group of private subnets (with VPC peering, a VPN or Direct Connect to reach databases outside the VPC).",
    tags: ["network"],
    resourceTypes: ["aws:dms/replicationInstance:ReplicationInstance"],
    validate: ({ name, props }, _config, report) => {
        const where = `DMS replication instance '${name}'`;
        requireSwitch(props.publiclyAccessible, {
            where,
            property: "publiclyAccessible",
            required: false,
            omitted: "so DMS gives it a public IP address (the API's default is true)",
            wrong: "is publicly accessible",
        }, report);
    },
});
