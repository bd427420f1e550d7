import { eachContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { at, describeSetting, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-require-log-configuration",
    description: "Containers of ECS task definitions ship their logs to a central store through an allowed log driver.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "004.logging.log-aggregation", "002.monitoring-and-logging.log-aggregation", "000.monitoring-observability.log-aggregation"],
    remediationSteps: "Set logConfiguration: { logDriver: \"awslogs\", options: { \"awslogs-group\", \"awslogs-region\", \"awslogs-stream-prefix\" } } (or awsfirelens) on each container.",
    tags: ["observability"],
    config: {
        allowedLogDrivers: {
            type: "array",
            items: { type: "string" },
            default: ["awslogs", "awsfirelens"],
            description: "Log drivers that reach a central store. Default awslogs and awsfirelens: 003 names CloudWatch for log aggregation; FireLens forwards to other stores.",
        },
    },
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, config, report) => {
        const allowed = config.allowedLogDrivers.join(" or ");
        eachContainer(name, props, report, (container, where) => {
            if (given(container.logConfiguration) === undefined) {
                report(`${where} sets no logConfiguration, so its logs stay on the host: set logConfiguration.logDriver to ${allowed}.`);
                return;
            }
            const driver = at(container.logConfiguration, "logDriver");
            if (text(driver) === undefined) {
                report(`${where} ${describeSetting("logConfiguration.logDriver", driver)}: set it to ${allowed}.`);
            } else if (!config.allowedLogDrivers.includes(text(driver)!)) {
                report(`${where} logs through "${text(driver)}", not a central store: set logConfiguration.logDriver to ${allowed}.`);
            }
        });
    },
});
