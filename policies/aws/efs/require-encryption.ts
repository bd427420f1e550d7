import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-efs-require-encryption",
    description: "EFS file systems are encrypted at rest.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "003.infrastructure.persistent-storage"],
    remediationSteps: "Set encrypted: true (and kmsKeyId for a customer managed key); encryption is chosen at creation, so this replaces the file system.",
    tags: ["encryption"],
    resourceTypes: ["aws:efs/fileSystem:FileSystem"],
    validate: ({ name, props }, _config, report) => {
        requireTrue(props.encrypted, `EFS file system '${name}'`, "encrypted", "which the API leaves unencrypted", "set encrypted: true", report);
    },
});
