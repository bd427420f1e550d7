import { eachContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { describeType, given, list, record } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-require-health-check",
    description: "Essential containers of ECS task definitions declare a health check, so ECS replaces unhealthy tasks.",
    priority: "P0",
    severity: "high",
    checklist: ["002.build-and-deployment.health-checks", "004.health-checks.liveness-probe", "003.monitoring-logging.health-check-endpoint", "001.observability.health-check-endpoint", "004.health-checks.health-endpoint"],
    remediationSteps: "Set healthCheck: { command: [\"CMD-SHELL\", \"curl -f http://localhost:8080/health || exit 1\"], interval, timeout, retries } on each essential container.",
    tags: ["availability"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, _config, report) => {
        eachContainer(name, props, report, (container, where) => {
            if (container.essential === false || container.essential === "false") {
                return; // ECS does not stop the task for a non-essential container
            }
            const check = given(container.healthCheck);
            if (check === undefined) {
                report(`${where} is essential and declares no healthCheck: set healthCheck.command to probe the service, e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"].`);
            } else if (!record(check)) {
                report(`${where} sets healthCheck to ${describeType(check)}, not an object: set healthCheck: { command: [...] }.`);
            } else if (list(record(check)!.command).length === 0) {
                report(`${where} declares a healthCheck without a command: set healthCheck.command.`);
            }
        });
    },
});
