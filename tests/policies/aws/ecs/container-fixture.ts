// A compliant Fargate task definition for the ECS container specs; each spec mutates one container.
import type * as aws from "@pulumi/aws";

export const TASK = "aws:ecs/taskDefinition:TaskDefinition";

export function api(overrides: Partial<aws.ecs.ContainerDefinition> = {}): aws.ecs.ContainerDefinition {
    return {
        name: "api",
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2",
        essential: true,
        user: "1000:1000",
        readonlyRootFilesystem: true,
        privileged: false,
        environment: [{ name: "LOG_LEVEL", value: "info" }],
        healthCheck: { command: ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"] },
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app" } },
        ...overrides,
    };
}

export function task(...containers: aws.ecs.ContainerDefinition[]): aws.ecs.TaskDefinitionArgs {
    return { family: "app", cpu: "512", memory: "1024", requiresCompatibilities: ["FARGATE"], containerDefinitions: JSON.stringify(containers.length ? containers : [api()]) };
}
