import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";

export default resourcePolicy({
    name: "aws-workspaces-require-volume-encryption",
    description: "WorkSpaces encrypt both their root volume and their user volume (rootVolumeEncryptionEnabled and userVolumeEncryptionEnabled); WorkSpaces leaves both unencrypted unless asked, and encryption is chosen when the WorkSpace is created.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set rootVolumeEncryptionEnabled: true and userVolumeEncryptionEnabled: true (with volumeEncryptionKey for a customer-managed key); an existing WorkSpace is rebuilt to change them.",
    tags: ["encryption"],
    resourceTypes: ["aws:workspaces/workspace:Workspace"],
    validate: ({ name, props }, _config, report) => {
        const where = `WorkSpace '${name}'`;
        const parts = new Parts(report);
        for (const property of ["rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled"]) {
            parts.judge(() => requireTrue(props[property], where, property, "which WorkSpaces leaves unencrypted", `set ${property}: true`, parts.report));
        }
        parts.settle();
    },
});
