import { eachContainer } from "../../lib/aws";
import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

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
        // Omitted, privileged defaults to false.
        eachContainer(name, props, report, (container, where) => requireSwitch(container.privileged, {
            where,
            property: "privileged",
            required: false,
            omission: "absent",
            wrong: "runs privileged",
            fix: "set privileged to false",
        }, report));
    },
});
