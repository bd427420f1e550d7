import { resourcePolicy } from "../../lib/define";
import { judgeItems, knownOr } from "../../lib/unknowns";
import { given, isRecord, record, showSetting, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-require-efs-transit-encryption",
    description: "ECS task definitions mount EFS volumes with encryption in transit (efsVolumeConfiguration.transitEncryption \"ENABLED\"); ECS mounts them without TLS when it is omitted.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Set transitEncryption: \"ENABLED\" in every volume's efsVolumeConfiguration (and authorizationConfig.iam \"ENABLED\" to mount with the task role).",
    tags: ["encryption"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, _config, report) => {
        // Each volume on its own: one unknown during preview (a file system ID) hides no other.
        judgeItems(props.volumes, report, (volume, index, report) => {
            const efs = record(volume)?.efsVolumeConfiguration;
            if (!isRecord(efs)) {
                return;
            }
            const volumeName = knownOr(() => text(record(volume)?.name), undefined);
            const where = `ECS task definition '${name}' volume ${volumeName ? `'${volumeName}'` : `#${index + 1}`}`;
            const mode = given(efs.transitEncryption);
            if (mode === undefined) {
                report(`${where} omits efsVolumeConfiguration.transitEncryption, so ECS mounts the EFS file system without TLS: set transitEncryption: "ENABLED".`);
            } else if (text(mode)?.trim().toUpperCase() !== "ENABLED") {
                report(`${where} sets efsVolumeConfiguration.transitEncryption to ${showSetting(mode)}, so ECS mounts the EFS file system without TLS: set it to "ENABLED".`);
            }
        });
    },
});
