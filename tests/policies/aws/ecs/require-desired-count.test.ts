import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/require-desired-count";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const SERVICE = "aws:ecs/service:Service";
const service: aws.ecs.ServiceArgs = { cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/app", taskDefinition: "app:3", desiredCount: 2 };

describe("aws-ecs-require-desired-count", () => {
    it("passes desiredCount 2", () => {
        expect(checkResource(policy, { type: SERVICE, props: service }).violations).toEqual([]);
    });

    it("fires on desiredCount 0", () => {
        expect(checkResource(policy, { type: SERVICE, name: "api", props: { ...service, desiredCount: 0 } }).violations)
            .toEqual([expect.stringContaining("ECS service 'api' sets desiredCount to 0 task(s), below the minimum 1")]);
    });

    it("fires when desiredCount is omitted (0 tasks)", () => {
        const { desiredCount: _, ...rest } = service;
        expect(checkResource(policy, { type: SERVICE, props: rest }).violations).toEqual([expect.stringContaining("omits desiredCount")]);
    });

    it("exempts DAEMON services", () => {
        const { desiredCount: _, ...rest } = service;
        expect(checkResource(policy, { type: SERVICE, props: { ...rest, schedulingStrategy: "DAEMON" } }).violations).toEqual([]);
    });

    it("fires on a malformed value without crashing", () => {
        expect(checkResource(policy, { type: SERVICE, props: { ...service, desiredCount: "two" } }).violations)
            .toEqual([expect.stringContaining("not a whole number")]);
    });

    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: SERVICE, props: { ...service, desiredCount: UNKNOWN } }).unknown).toBeDefined();
    });

    it("treats an empty desiredCount as omitted, and a DAEMON strategy given as an empty string as the default", () => {
        expect(checkResource(policy, { type: SERVICE, props: { ...service, desiredCount: "" as never } }).violations).toEqual([expect.stringContaining("omits desiredCount, which defaults to 0 tasks")]);
        expect(checkResource(policy, { type: SERVICE, props: { ...service, desiredCount: 0, schedulingStrategy: "" } }).violations).toHaveLength(1);
    });

    it("rejects a minimum above the setting's maximum", () => {
        expect(() => checkResource(policy, { type: SERVICE, props: service, config: { minimum: 5000 } })).toThrow(/minimum/);
    });

    it("takes the minimum from config", () => {
        expect(checkResource(policy, { type: SERVICE, props: service, config: { minimum: 3 } }).violations).toHaveLength(1);
    });
});
