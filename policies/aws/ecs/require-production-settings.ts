import { eachContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { ecsEnvironment, PRODUCTION_SETTINGS, productionProblems } from "../../lib/runtime-env";

export default resourcePolicy({
    name: "aws-ecs-require-production-settings",
    description: "Containers of ECS task definitions run with production settings: an environment name such as NODE_ENV or ENVIRONMENT, when set, says production; LOG_LEVEL is info or less verbose; DEBUG is off. Variables from `environmentFiles` are not visible to the policy.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.environment-variables.node-env", "003.configuration.environment-variables", "004.environment-configuration.environment-variables"],
    remediationSteps: "In each container's environment set NODE_ENV (or ENVIRONMENT) to production, LOG_LEVEL to info, and DEBUG to false, or leave them out.",
    tags: ["deployment"],
    config: PRODUCTION_SETTINGS,
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, config, report) => {
        eachContainer(name, props, report, (container, where) => {
            for (const problem of productionProblems(ecsEnvironment(container), config)) {
                report(`${where} ${problem}.`);
            }
        });
    },
});
