import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-memorydb-require-tls",
    description: "MemoryDB clusters accept only TLS connections. Omitting tlsEnabled passes: MemoryDB turns TLS on by default. (Data at rest is always encrypted by MemoryDB, so no policy judges it.)",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Remove tlsEnabled or set it to true, with an ACL other than open-access. TLS is chosen when the cluster is created, so an existing cluster is replaced.",
    tags: ["transport-security"],
    resourceTypes: ["aws:memorydb/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        // MemoryDB defaults to TLS.
        requireSwitch(props.tlsEnabled, {
            where: `MemoryDB cluster '${name}'`,
            property: "tlsEnabled",
            required: true,
            wrong: "sets tlsEnabled to false, so clients connect in plain text",
        }, report);
    },
});
