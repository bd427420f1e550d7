import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given, record } from "../../lib/values";

const SERVICE = "aws:ecs/service:Service";
const TASK_SET = "aws:ecs/taskSet:TaskSet";

export default resourcePolicy({
    name: "aws-ecs-disallow-public-ip",
    description: "ECS services and task sets in awsvpc mode give their tasks no public IP address: tasks run in private subnets and are reached through the load balancer.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.network-configuration", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Remove networkConfiguration.assignPublicIp or set it to false, run the tasks in private subnets, and give them outbound access through a NAT gateway or VPC endpoints.",
    tags: ["network"],
    resourceTypes: [SERVICE, TASK_SET],
    validate: ({ type, name, props }, _config, report) => {
        const where = `ECS ${type === SERVICE ? "service" : "task set"} '${name}'`;
        const value = given(record(props.networkConfiguration)?.assignPublicIp);
        if (value === undefined) {
            return; // ECS assigns no public IP by default
        }
        const on = bool(value);
        if (on === undefined) {
            report(`${where} sets networkConfiguration.assignPublicIp to ${describeType(value)}, not a boolean: set it to false.`);
        } else if (on) {
            report(`${where} sets networkConfiguration.assignPublicIp to true, so every task gets a public IP address: set it to false and reach the tasks through the load balancer.`);
        }
    },
});
