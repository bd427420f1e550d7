import { containerDefinitions, describeContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";

/** True when an ECS `user` ("user", "uid", "user:group", "uid:gid") names root. */
function isRoot(user: string): boolean {
    const who = user.split(":")[0].trim();
    return who === "root" || /^0+$/.test(who);
}

export default resourcePolicy({
    name: "aws-ecs-require-non-root-user",
    description: "Every container of an ECS task definition runs as a named non-root user; images default to root when `user` is unset.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security", "001.deployment.non-root-container"],
    remediationSteps: "Set `user` on each container definition to a non-root uid and gid, such as \"1000:1000\".",
    tags: ["workload-security"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, _config, report) => {
        const parsed = containerDefinitions(props.containerDefinitions);
        if (parsed.error !== undefined) {
            report(`ECS task definition '${name}': ${parsed.error}.`);
            return;
        }
        parsed.containers.forEach((container, index) => {
            const where = describeContainer(container, index, name);
            const user = given(container.user);
            if (user === undefined) {
                report(`${where} sets no user, so it runs as the image's user, root by default: set user to a non-root uid such as "1000:1000".`);
            } else if (text(user) === undefined) {
                report(`${where} sets user to ${describeType(user)}, not a string: set user to a non-root uid such as "1000:1000".`);
            } else if (isRoot(text(user)!)) {
                report(`${where} runs as root: set user to a non-root uid such as "1000:1000".`);
            }
        });
    },
});
