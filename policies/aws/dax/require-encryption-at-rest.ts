import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { at, describeType, given, isRecord } from "../../lib/values";

export default resourcePolicy({
    name: "aws-dax-require-encryption-at-rest",
    description: "DAX clusters encrypt the cached items, configuration and logs on their nodes at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set serverSideEncryption: { enabled: true }. Encryption at rest is chosen when the cluster is created, so an existing cluster is replaced.",
    tags: ["encryption"],
    resourceTypes: ["aws:dax/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        const where = `DAX cluster '${name}'`;
        const sse = given(props.serverSideEncryption);
        if (sse !== undefined && !isRecord(sse)) {
            report(`${where} sets serverSideEncryption to ${describeType(sse)}, not a block: set serverSideEncryption: { enabled: true }.`);
            return;
        }
        requireTrue(at(sse, "enabled"), where, "serverSideEncryption.enabled", "which DAX leaves unencrypted", "set serverSideEncryption: { enabled: true }", report);
    },
});
