import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/require-deployment-circuit-breaker";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ecs/service:Service";
const service: aws.ecs.ServiceArgs = { desiredCount: 2, deploymentCircuitBreaker: { enable: true, rollback: true } };

describe("aws-ecs-require-deployment-circuit-breaker", () => {
    it("passes enable + rollback, and CodeDeploy services", () => {
        expect(checkResource(policy, { type: T, props: service }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { deploymentController: { type: "CODE_DEPLOY" } } }).violations).toEqual([]);
    });
    it("fires without rollback", () => expect(checkResource(policy, { type: T, name: "api", props: { deploymentCircuitBreaker: { enable: true, rollback: false } } }).violations)
        .toEqual([expect.stringContaining("ECS service 'api' does not set deploymentCircuitBreaker.rollback to true")]));
    it("fires when omitted or malformed", () => {
        expect(checkResource(policy, { type: T, props: { desiredCount: 2 } }).violations).toEqual([expect.stringContaining("has no deployment circuit breaker")]);
        expect(checkResource(policy, { type: T, props: { deploymentCircuitBreaker: true } }).violations).toEqual([expect.stringContaining("not an object")]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { deploymentCircuitBreaker: { enable: UNKNOWN, rollback: true } } }).unknown).toBeDefined());

    it("reports a switch known to be off next to one unknown during preview", () => {
        const props: aws.ecs.ServiceArgs = { ...service, deploymentCircuitBreaker: { enable: UNKNOWN as never, rollback: false } };
        expect(checkResource(policy, { type: T, name: "api", props }).violations).toEqual([expect.stringContaining("ECS service 'api' does not set deploymentCircuitBreaker.rollback to true")]);
        expect(checkResource(policy, { type: T, props: { ...service, deploymentCircuitBreaker: { enable: UNKNOWN as never, rollback: true } } }).unknown).toBeDefined();
    });
});
