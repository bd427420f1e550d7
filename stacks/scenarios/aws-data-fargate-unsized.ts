import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The Fargate task definition sets no task-level cpu and memory",
    violations: [["aws-ecs-require-task-resources", "app-task"]],
    patches: [patch<aws.ecs.TaskDefinitionArgs>("aws:ecs/taskDefinition:TaskDefinition", "app-task", (a) => {
        delete a.cpu;
        delete a.memory;
    })],
});
