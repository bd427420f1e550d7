import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-dax-require-tls",
    description: "DAX clusters serve their cluster endpoint over TLS only (clusterEndpointEncryptionType TLS).",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Set clusterEndpointEncryptionType: \"TLS\" and connect with a TLS-capable DAX client. The setting is chosen when the cluster is created, so an existing cluster is replaced.",
    tags: ["transport-security"],
    resourceTypes: ["aws:dax/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        const where = `DAX cluster '${name}'`;
        const value = given(props.clusterEndpointEncryptionType);
        if (value === undefined) {
            report(`${where} omits clusterEndpointEncryptionType, so DAX serves the endpoint in plain text (NONE): set clusterEndpointEncryptionType: "TLS".`);
            return;
        }
        const type = text(value);
        if (type === undefined) {
            report(`${where} sets clusterEndpointEncryptionType to ${describeType(value)}, not a string: set it to "TLS".`);
        } else if (type !== "TLS") {
            report(`${where} sets clusterEndpointEncryptionType to "${type}", which serves the endpoint in plain text: set it to "TLS".`);
        }
    },
});
