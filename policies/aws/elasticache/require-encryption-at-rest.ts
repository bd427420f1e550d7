import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-elasticache-require-encryption-at-rest",
    description: "ElastiCache replication groups (Redis OSS, Valkey) encrypt data at rest, snapshots included.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Set atRestEncryptionEnabled: true (and kmsKeyId for a customer managed key).",
    tags: ["encryption"],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    validate: ({ name, props }, _config, report) => {
        // Valkey groups are encrypted at rest by default; Redis OSS groups are not.
        const omitted = text(given(props.engine)) === "valkey" ? undefined : "which Redis OSS leaves unencrypted";
        requireTrue(props.atRestEncryptionEnabled, `ElastiCache replication group '${name}'`, "atRestEncryptionEnabled", omitted, "set atRestEncryptionEnabled: true", report);
    },
});
