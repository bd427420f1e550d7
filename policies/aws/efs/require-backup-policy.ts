import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
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
    resourceTypes: ["aws:efs/fileSystem:FileSystem", "aws:efs/backupPolicy:BackupPolicy"],
    validate: (resources, _config, report, context) => {
        const fileSystems = ofTypes(resources, ["aws:efs/fileSystem:FileSystem"]);
        // File system ids are known only once created: backup policies are joined through the graph.
        const policies = indexLinks(fileSystems, ofTypes(resources, ["aws:efs/backupPolicy:BackupPolicy"]), "fileSystemId", () => []);
        const judge = linkJudge(policies, (p) => {
            const status = text(at(p.props.backupPolicy, "status"));
            return status === "ENABLED" ? undefined : `its backup policy '${p.name}' sets status ${status ? `"${status}"` : "to nothing"}`;
        });
        for (const fs of fileSystems) {
            context.judge(fs, () => {
                const problems = judge(fs);
                if (problems !== undefined) {
                    report(`EFS file system '${fs.name}' has no automatic backups${problems.length ? ` (${problems.join("; ")})` : ""}: add an aws.efs.BackupPolicy with fileSystemId: ${fs.name}.id and status "ENABLED".`, fs.urn);
                }
            });
        }
    },
});
