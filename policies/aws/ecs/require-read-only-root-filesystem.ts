import { eachContainer, requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-ecs-require-read-only-root-filesystem",
    description: "Containers of ECS task definitions mount their root filesystem read-only.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set readonlyRootFilesystem: true on each container and mount a volume for the paths it must write (e.g. /tmp).",
    tags: ["workload-security"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, _config, report) => {
        eachContainer(name, props, report, (container, where) => {
            requireTrue(container.readonlyRootFilesystem, where, "readonlyRootFilesystem", "so its root filesystem is writable", "set readonlyRootFilesystem: true", report);
        });
    },
});
