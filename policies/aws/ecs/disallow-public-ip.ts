import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { record } from "../../lib/values";

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
        // ECS assigns no public IP by default.
        requireSwitch(record(props.networkConfiguration)?.assignPublicIp, {
            where,
            property: "networkConfiguration.assignPublicIp",
            required: false,
            wrong: "sets networkConfiguration.assignPublicIp to true, so every task gets a public IP address",
            fix: "set it to false and reach the tasks through the load balancer",
        }, report);
    },
});
