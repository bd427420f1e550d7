import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { at, describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-msk-require-encryption-in-transit",
    description: "MSK clusters accept only TLS between clients and brokers (encryptionInTransit.clientBroker TLS) and encrypt traffic between brokers (inCluster). Both are on when omitted. (Data at rest is always encrypted by MSK, so no policy judges it.)",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Remove encryptionInfo.encryptionInTransit.clientBroker or set it to \"TLS\", and leave inCluster unset or true.",
    tags: ["transport-security"],
    resourceTypes: ["aws:msk/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        const where = `MSK cluster '${name}'`;
        const transit = at(props.encryptionInfo, "encryptionInTransit");
        // Clients and brokers apart: one setting unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => {
            const clientBroker = given(at(transit, "clientBroker"));
            if (clientBroker !== undefined) {
                const value = text(clientBroker);
                if (value === undefined) {
                    parts.report(`${where} sets encryptionInfo.encryptionInTransit.clientBroker to ${describeType(clientBroker)}, not a string: set it to "TLS".`);
                } else if (value !== "TLS") {
                    parts.report(`${where} sets encryptionInfo.encryptionInTransit.clientBroker to "${value}", which lets clients connect in plain text: set it to "TLS".`);
                }
            }
        });
        parts.judge(() => {
            requireSwitch(at(transit, "inCluster"), {
                where,
                property: "encryptionInfo.encryptionInTransit.inCluster",
                required: true,
                wrong: "sets encryptionInfo.encryptionInTransit.inCluster to false, so brokers replicate in plain text",
                fix: "set it to true",
            }, parts.report);
        });
        parts.settle();
    },
});
