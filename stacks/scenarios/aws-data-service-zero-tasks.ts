import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The ECS service omits desiredCount (0 tasks) and its deployment circuit breaker",
    violations: [
        ["aws-ecs-require-desired-count", "app-service"],
        ["aws-ecs-require-deployment-circuit-breaker", "app-service"],
    ],
    patches: [patch<aws.ecs.ServiceArgs>("aws:ecs/service:Service", "app-service", (a) => {
        delete a.desiredCount;
        delete a.deploymentCircuitBreaker;
    })],
});
