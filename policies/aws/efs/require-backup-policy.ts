import { ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { at, text } from "../../lib/values";

export default stackPolicy({
    name: "aws-efs-require-backup-policy",
    description: "Every EFS file system has automatic backups enabled through an aws.efs.BackupPolicy.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.persistent-storage", "003.backup-disaster-recovery.backup-strategy"],
    remediationSteps: "Add an aws.efs.BackupPolicy with fileSystemId: <file system>.id and backupPolicy: { status: \"ENABLED\" }.",
    tags: ["data-protection"],
    validate: (resources, _config, report) => {
        const fileSystems = ofTypes(resources, ["aws:efs/fileSystem:FileSystem"]);
        const enabled = ofTypes(resources, ["aws:efs/backupPolicy:BackupPolicy"]).filter((p) => text(at(p.props.backupPolicy, "status")) === "ENABLED");
        for (const fs of unlinkedTargets(fileSystems, enabled, "fileSystemId", () => [])) {
            report(`EFS file system '${fs.name}' has no automatic backups: add an aws.efs.BackupPolicy with fileSystemId: ${fs.name}.id and status "ENABLED".`, fs.urn);
        }
    },
});
