import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/require-non-root-user";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const TASK = "aws:ecs/taskDefinition:TaskDefinition";

function task(containers: aws.ecs.ContainerDefinition[]): aws.ecs.TaskDefinitionArgs {
    return { family: "app", cpu: "512", memory: "1024", requiresCompatibilities: ["FARGATE"], containerDefinitions: JSON.stringify(containers) };
}
const api: aws.ecs.ContainerDefinition = { name: "api", image: "api:1.4.2", user: "1000:1000" };

describe("aws-ecs-require-non-root-user", () => {
    it("passes containers with a non-root user", () => {
        expect(checkResource(policy, { type: TASK, props: task([api, { ...api, name: "sidecar", user: "app" }]) }).violations).toEqual([]);
    });

    it.each(["root", "0", "0:0", "root:root", "000:1000"])("fires on user %s", (user) => {
        expect(checkResource(policy, { type: TASK, name: "t", props: task([{ ...api, user }]) }).violations)
            .toEqual([expect.stringContaining("container 'api' of task definition 't' runs as root")]);
    });

    it("fires when user is omitted (the image's user, root by default)", () => {
        expect(checkResource(policy, { type: TASK, props: task([api, { name: "sidecar", image: "envoy:1.30" }]) }).violations)
            .toEqual([expect.stringContaining("container 'sidecar' of task definition 'subject' sets no user")]);
    });

    it("fires on a user that is not a string, without crashing", () => {
        expect(checkResource(policy, { type: TASK, props: task([{ ...api, user: 1000 as never }]) }).violations).toEqual([expect.stringContaining("not a string")]);
    });

    it("fires on invalid JSON, naming the property", () => {
        expect(checkResource(policy, { type: TASK, props: { ...task([]), containerDefinitions: "[{" } }).violations)
            .toEqual([expect.stringContaining("containerDefinitions is not valid JSON")]);
        expect(checkResource(policy, { type: TASK, props: { ...task([]), containerDefinitions: "{}" } }).violations)
            .toEqual([expect.stringContaining("containerDefinitions is a object, not a list")]);
    });

    it("reports container definitions unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: TASK, props: { ...task([]), containerDefinitions: UNKNOWN } }).unknown).toBeDefined();
    });
});
