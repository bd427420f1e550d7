import { resourcePolicy } from "../../lib/define";
import { at, describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-msk-disallow-public-access",
    description: "MSK brokers are not reachable from the internet: brokerNodeGroupInfo.connectivityInfo.publicAccess.type is DISABLED (the default), not SERVICE_PROVIDED_EIPS.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.infrastructure.only-necessary-ports-open", "003.infrastructure.network-configuration"],
    remediationSteps: "Remove brokerNodeGroupInfo.connectivityInfo.publicAccess or set its type to \"DISABLED\", and reach the brokers from inside the VPC (or through multi-VPC private connectivity).",
    tags: ["network"],
    resourceTypes: ["aws:msk/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        const value = given(at(props.brokerNodeGroupInfo, "connectivityInfo", "publicAccess", "type"));
        if (value === undefined) {
            return; // DISABLED by default
        }
        const type = text(value);
        if (type === undefined) {
            report(`MSK cluster '${name}' sets brokerNodeGroupInfo.connectivityInfo.publicAccess.type to ${describeType(value)}, not a string: set it to "DISABLED".`);
        } else if (type !== "DISABLED") {
            report(`MSK cluster '${name}' sets brokerNodeGroupInfo.connectivityInfo.publicAccess.type to "${type}", which gives its brokers public IP addresses: set it to "DISABLED".`);
        }
    },
});
