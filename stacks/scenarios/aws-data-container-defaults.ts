import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The API container is hardened no further than Docker's defaults: privileged, writable root, no health check, logs left on the host, latest image, a database password in its environment",
    violations: [
        ["aws-ecs-disallow-privileged-containers", "app-task"],
        ["aws-ecs-require-read-only-root-filesystem", "app-task"],
        ["aws-ecs-require-health-check", "app-task"],
        ["aws-ecs-require-log-configuration", "app-task"],
        ["aws-ecs-require-pinned-image", "app-task"],
        ["aws-ecs-disallow-plaintext-secrets", "app-task"],
    ],
    patches: [patch<aws.ecs.TaskDefinitionArgs>("aws:ecs/taskDefinition:TaskDefinition", "app-task", (a) => {
        const [api] = JSON.parse(a.containerDefinitions as string);
        api.privileged = true;
        delete api.readonlyRootFilesystem;
        delete api.healthCheck;
        delete api.logConfiguration;
        api.image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:latest";
        api.environment = [{ name: "DATABASE_PASSWORD", value: "s3cr3t-Passw0rd-2024" }];
        a.containerDefinitions = JSON.stringify([api]);
    })],
});
