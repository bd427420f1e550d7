import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The API container runs as root",
    violations: [["aws-ecs-require-non-root-user", "app-task"]],
    patches: [patch<aws.ecs.TaskDefinitionArgs>("aws:ecs/taskDefinition:TaskDefinition", "app-task", (a) => {
        const containers = JSON.parse(a.containerDefinitions as string);
        containers[0].user = "0:0";
        a.containerDefinitions = JSON.stringify(containers);
    })],
});
