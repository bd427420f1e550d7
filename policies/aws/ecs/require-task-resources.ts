import { containerDefinitions, describeContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { someItem } from "../../lib/unknowns";
import { describeType, integer, Props, text } from "../../lib/values";

/** A positive size, as a number or a numeric string; ECS also accepts task sizes such as "1 vCPU" or "2 GB". */
function sized(value: unknown): boolean {
    const n = integer(value);
    if (n !== undefined) {
        return n > 0;
    }
    return typeof value === "string" && /^\s*\d+(\.\d+)?\s*(vcpu|gb|mb)\s*$/i.test(value);
}

function missing(container: Props): string[] {
    const gaps: string[] = [];
    if (!sized(container.cpu)) {
        gaps.push("cpu");
    }
    if (!sized(container.memory) && !sized(container.memoryReservation)) {
        gaps.push("memory or memoryReservation");
    }
    return gaps;
}

export default resourcePolicy({
    name: "aws-ecs-require-task-resources",
    description: "ECS task definitions size their CPU and memory: at task level (required on Fargate), or on every container.",
    priority: "P0",
    severity: "high",
    checklist: ["001.deployment.resource-limits", "003.performance.resource-limits"],
    remediationSteps: "Set cpu and memory on the task definition (e.g. cpu: \"512\", memory: \"1024\"), or cpu and memory/memoryReservation on every container when the task runs on EC2.",
    tags: ["workload-security"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, _config, report) => {
        const where = `ECS task definition '${name}'`;
        const taskGaps = [
            ...(sized(props.cpu) ? [] : ["cpu"]),
            ...(sized(props.memory) ? [] : ["memory"]),
        ];
        if (taskGaps.length === 0) {
            return;
        }
        const fargate = someItem(props.requiresCompatibilities, (c) => text(c) === "FARGATE");
        if (fargate) {
            const shown = taskGaps.map((p) => (props[p] === undefined ? p : `${p} (${describeType(props[p])} is not a size)`));
            report(`${where} runs on Fargate without task-level ${shown.join(" and ")}: set cpu and memory on the task definition, e.g. cpu: "512", memory: "1024".`);
            return;
        }
        const parsed = containerDefinitions(props.containerDefinitions);
        if (parsed.error !== undefined) {
            report(`${where}: ${parsed.error}.`);
            return;
        }
        parsed.containers.forEach((container, index) => {
            const gaps = missing(container);
            if (gaps.length > 0) {
                report(`${describeContainer(container, index, name)} sets no ${gaps.join(" and ")} and the task sets no ${taskGaps.join(" and ")}: set cpu and memory on the task definition or on every container.`);
            }
        });
    },
});
