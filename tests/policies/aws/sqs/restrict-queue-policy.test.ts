import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/sqs/restrict-queue-policy";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders";
const document = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const fromTopic = { Sid: "FromTopic", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: QUEUE_ARN,
    Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:orders" } } };
const open = { Effect: "Allow", Principal: "*", Action: "sqs:*", Resource: QUEUE_ARN };
const queuePolicy = (policyDocument: string): aws.sqs.QueuePolicyArgs => ({ queueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/orders", policy: policyDocument });

describe("aws-sqs-restrict-queue-policy", () => {
    it("passes named principals, a wildcard narrowed by a Condition, and a queue without an inline policy", () => {
        expect(checkResource(policy, { type: QUEUE_POLICY, props: queuePolicy(document(fromTopic)) }).violations).toEqual([]);
        expect(checkResource(policy, { type: QUEUE_POLICY, props: queuePolicy(document({ ...fromTopic, Principal: "*" })) }).violations).toEqual([]);
        expect(checkResource(policy, { type: QUEUE, props: { name: "orders", sqsManagedSseEnabled: true } }).violations).toEqual([]);
    });
    it("fires on a queue policy allowing everyone without a Condition", () => {
        expect(checkResource(policy, { type: QUEUE_POLICY, name: "orders-policy", props: queuePolicy(document(fromTopic, open)) }).violations)
            .toEqual(["SQS queue policy 'orders-policy' policy statement #2 allows Principal \"*\" without a Condition, so anyone may use the queue: name the principals, or add a Condition such as aws:SourceArn or aws:PrincipalOrgID."]);
        expect(checkResource(policy, { type: QUEUE_POLICY, props: queuePolicy(document({ ...open, Principal: { AWS: "*" } })) }).violations).toEqual([expect.stringContaining("Principal { AWS: \"*\" }")]);
    });
    it("fires on a queue's inline policy allowing everyone", () => {
        const queue: aws.sqs.QueueArgs = { name: "orders", policy: document(open) };
        expect(checkResource(policy, { type: QUEUE, name: "orders", props: queue }).violations).toEqual([expect.stringContaining("SQS queue 'orders' policy statement #1 allows Principal \"*\"")]);
    });
    it("fires on a policy that cannot be read", () => {
        expect(checkResource(policy, { type: QUEUE_POLICY, props: queuePolicy("not json") }).violations).toEqual([expect.stringContaining("is not valid JSON")]);
        expect(checkResource(policy, { type: QUEUE, props: { policy: JSON.stringify({ Statement: [] }) } }).violations).toEqual([expect.stringContaining("not a list of statements")]);
    });
    it("is unknown when the policy is unknown during preview, and ignores an unknown queue URL", () => {
        expect(checkResource(policy, { type: QUEUE_POLICY, props: queuePolicy(UNKNOWN) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: QUEUE_POLICY, props: { ...queuePolicy(document(open)), queueUrl: UNKNOWN } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: QUEUE_POLICY, props: { ...queuePolicy(document(fromTopic)), queueUrl: UNKNOWN } }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: QUEUE_POLICY, name: "sandbox-policy", props: queuePolicy(document(open)), config: { exemptions: [{ resource: "sandbox-*", reason: "throwaway sandbox" }] } }).notApplicable)
            .toContain("throwaway sandbox");
    });
});
