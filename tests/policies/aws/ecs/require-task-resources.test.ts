import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/require-task-resources";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const api = { name: "api", image: "api:1.4.2", cpu: 256, memory: 512 };
const fargate: aws.ecs.TaskDefinitionArgs = {
    family: "app", cpu: "512", memory: "1024", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", containerDefinitions: JSON.stringify([{ name: "api", image: "api:1.4.2" }]),
};
const ec2: aws.ecs.TaskDefinitionArgs = { family: "worker", requiresCompatibilities: ["EC2"], containerDefinitions: JSON.stringify([api, { ...api, name: "sidecar", memory: undefined, memoryReservation: 128 }]) };

describe("aws-ecs-require-task-resources", () => {
    it("passes task-level cpu and memory", () => {
        expect(checkResource(policy, { type: TASK, props: fargate }).violations).toEqual([]);
        expect(checkResource(policy, { type: TASK, props: { ...fargate, cpu: "1 vCPU", memory: "2 GB" } }).violations).toEqual([]);
    });

    it("passes an EC2 task whose every container is sized", () => {
        expect(checkResource(policy, { type: TASK, props: ec2 }).violations).toEqual([]);
    });

    it("fires on a Fargate task without task-level memory, even if containers are sized", () => {
        const { memory: _, ...rest } = fargate;
        expect(checkResource(policy, { type: TASK, name: "t", props: { ...rest, containerDefinitions: JSON.stringify([api]) } }).violations)
            .toEqual([expect.stringContaining("ECS task definition 't' runs on Fargate without task-level memory")]);
    });

    it("fires on an EC2 container without cpu or memory when the task sets none", () => {
        const props = { ...ec2, containerDefinitions: JSON.stringify([api, { name: "sidecar", image: "envoy:1.30", memory: 128 }]) };
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([expect.stringContaining("container 'sidecar' of task definition 'subject' sets no cpu")]);
    });

    it("fires when everything is omitted (no compatibilities given: EC2)", () => {
        const props: aws.ecs.TaskDefinitionArgs = { family: "bare", containerDefinitions: JSON.stringify([{ name: "c", image: "c:1" }]) };
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([expect.stringContaining("sets no cpu and memory or memoryReservation")]);
    });

    it("fires on invalid JSON when container sizes are needed, and on a malformed task size", () => {
        expect(checkResource(policy, { type: TASK, props: { ...ec2, containerDefinitions: "nope" } }).violations)
            .toEqual([expect.stringContaining("containerDefinitions is not valid JSON")]);
        expect(checkResource(policy, { type: TASK, props: { ...fargate, cpu: "lots" } }).violations)
            .toEqual([expect.stringContaining("cpu (a string is not a size)")]);
    });

    it("reports a task size unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: TASK, props: { ...fargate, memory: UNKNOWN } }).unknown).toBeDefined();
    });

    it("reads a compatibility unknown during preview only when no known one is FARGATE", () => {
        const props: aws.ecs.TaskDefinitionArgs = { ...fargate, cpu: undefined, requiresCompatibilities: [UNKNOWN, "FARGATE"] };
        expect(checkResource(policy, { type: TASK, name: "api", props }).violations).toEqual([expect.stringContaining("runs on Fargate without task-level cpu")]);
        expect(checkResource(policy, { type: TASK, props: { ...fargate, requiresCompatibilities: [UNKNOWN, "FARGATE"] } })).toEqual({ violations: [] });
    });
});
