import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-ebs-require-encryption-by-default",
    description: "An aws.ebs.EncryptionByDefault the stack declares keeps EBS encryption by default on (enabled is not false; it defaults to true), so every new volume in the account and region is encrypted, also those no policy sees. Declaring it is what lets a team set encryptionByDefault in aws-ebs-require-encryption, which then accepts volumes and block devices that omit encrypted; this policy catches the declaration that turns it off.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Remove enabled: false from the aws.ebs.EncryptionByDefault (or set enabled: true); if the account must not encrypt by default, delete the resource and set encrypted: true on each volume instead.",
    tags: ["encryption"],
    resourceTypes: ["aws:ebs/encryptionByDefault:EncryptionByDefault"],
    validate: ({ name, props }, _config, report) => {
        // Omitted, enabled defaults to true.
        requireTrue(props.enabled, `EBS encryption by default '${name}'`, "enabled", undefined, "remove enabled or set enabled: true, so new volumes are encrypted", report);
    },
});
