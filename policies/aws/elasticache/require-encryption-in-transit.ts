import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-elasticache-require-encryption-in-transit",
    description: "ElastiCache replication groups accept only TLS connections.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Set transitEncryptionEnabled: true and leave transitEncryptionMode unset or \"required\" (\"preferred\" still accepts plain text).",
    tags: ["transport-security"],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    validate: ({ name, props }, _config, report) => {
        const where = `ElastiCache replication group '${name}'`;
        // The switch and the mode apart: one unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => requireTrue(props.transitEncryptionEnabled, where, "transitEncryptionEnabled", "which leaves connections unencrypted", "set transitEncryptionEnabled: true", parts.report));
        parts.judge(() => {
            if (text(props.transitEncryptionMode) === "preferred") {
                parts.report(`${where} sets transitEncryptionMode "preferred", which still accepts plain-text connections: set it to "required" once clients use TLS.`);
            }
        });
        parts.settle();
    },
});
