import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
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
        requireTrue(props.transitEncryptionEnabled, where, "transitEncryptionEnabled", "which leaves connections unencrypted", "set transitEncryptionEnabled: true", report);
        if (text(props.transitEncryptionMode) === "preferred") {
            report(`${where} sets transitEncryptionMode "preferred", which still accepts plain-text connections: set it to "required" once clients use TLS.`);
        }
    },
});
