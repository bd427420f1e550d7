import { eachContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { bool, describeType } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-disallow-privileged-containers",
    description: "No container of an ECS task definition runs privileged (root on the host).",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove privileged or set it to false; grant specific Linux capabilities in linuxParameters if one is really needed.",
    tags: ["workload-security"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, _config, report) => {
        eachContainer(name, props, report, (container, where) => {
            const value = container.privileged;
            if (value === undefined) {
                return; // defaults to false
            }
            const privileged = bool(value);
            if (privileged === undefined) {
                report(`${where} sets privileged to ${describeType(value)}, not a boolean: set it to false.`);
            } else if (privileged) {
                report(`${where} runs privileged: set privileged to false.`);
            }
        });
    },
});
