import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/disallow-public-ip";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const SERVICE = "aws:ecs/service:Service";
const network: aws.types.input.ecs.ServiceNetworkConfiguration = { subnets: ["subnet-1"], securityGroups: ["sg-1"], assignPublicIp: false };
const service: aws.ecs.ServiceArgs = { cluster: "app", taskDefinition: "app:1", desiredCount: 2, launchType: "FARGATE", networkConfiguration: network };

describe("aws-ecs-disallow-public-ip", () => {
    it("passes tasks without a public IP", () => expect(checkResource(policy, { type: SERVICE, props: service }).violations).toEqual([]));

    it("passes when omitted (ECS assigns none by default)", () => {
        expect(checkResource(policy, { type: SERVICE, props: { ...service, networkConfiguration: { subnets: ["subnet-1"] } } }).violations).toEqual([]);
        expect(checkResource(policy, { type: SERVICE, props: { cluster: "app", taskDefinition: "app:1" } }).violations).toEqual([]);
    });

    it("fires on a service whose tasks get a public IP", () => {
        expect(checkResource(policy, { type: SERVICE, name: "api", props: { ...service, networkConfiguration: { ...network, assignPublicIp: true } } }).violations)
            .toEqual([expect.stringContaining("ECS service 'api' sets networkConfiguration.assignPublicIp to true")]);
    });

    it("fires on a task set whose tasks get a public IP", () => {
        const taskSet: aws.ecs.TaskSetArgs = { cluster: "app", service: "api", taskDefinition: "app:2", networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: true } };
        expect(checkResource(policy, { type: "aws:ecs/taskSet:TaskSet", name: "canary", props: taskSet }).violations).toEqual([expect.stringContaining("ECS task set 'canary'")]);
    });

    it("fires on a value that is not a boolean", () => {
        expect(checkResource(policy, { type: SERVICE, props: { ...service, networkConfiguration: { ...network, assignPublicIp: "ENABLED" } } }).violations)
            .toEqual([expect.stringContaining("not a boolean")]);
    });

    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: SERVICE, props: { ...service, networkConfiguration: { ...network, assignPublicIp: UNKNOWN } } }).unknown).toBeDefined();
    });

    it("is exempted by config", () => {
        const verdict = checkResource(policy, { type: SERVICE, name: "sandbox-api", props: { ...service, networkConfiguration: { ...network, assignPublicIp: true } },
            config: { exemptions: [{ resource: "sandbox-*", reason: "default VPC without NAT, no production data" }] } });
        expect(verdict.notApplicable).toContain("no production data");
    });
});
