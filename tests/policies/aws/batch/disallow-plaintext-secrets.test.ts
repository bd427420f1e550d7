import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/batch/disallow-plaintext-secrets";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:batch/jobDefinition:JobDefinition";
const SECRET = "hunter2-very-secret-value";
const container = (environment: object[]) => ({
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/report:2.1.0",
    command: ["node", "report.js"],
    environment,
    secrets: [{ name: "JWT_SECRET", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/jwt-AbCdEf" }],
});
const job = (environment: object[]): aws.batch.JobDefinitionArgs => ({ type: "container", containerProperties: JSON.stringify(container(environment)) });

describe("aws-batch-disallow-plaintext-secrets", () => {
    it("passes plain settings and secrets taken from the secret store", () => {
        expect(checkResource(policy, { type: T, props: job([{ name: "NODE_ENV", value: "production" }]) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { type: "container" } }).violations).toEqual([]);
    });
    it("fires on a credential in containerProperties, without printing it", () => {
        const { violations } = checkResource(policy, { type: T, name: "report", props: job([{ name: "API_TOKEN", value: SECRET }]) });
        expect(violations).toEqual([expect.stringContaining("Batch job definition 'report' (containerProperties) sets environment variable API_TOKEN in plain text")]);
        expect(violations[0]).not.toContain(SECRET);
    });
    it("fires on a setting the checklists name as a secret", () => {
        expect(checkResource(policy, { type: T, props: job([{ name: "DATABASE_URL", value: "postgres://db.internal/app" }]) }).violations)
            .toEqual([expect.stringContaining("sets DATABASE_URL as an environment variable, which writes its value in the resource")]);
    });
    it("judges multi-node and ECS job properties", () => {
        const nodeProperties = JSON.stringify({ mainNode: 0, numNodes: 2, nodeRangeProperties: [{ targetNodes: "0:", container: container([{ name: "OPENAI_API_KEY", value: "x" }]) }] });
        expect(checkResource(policy, { type: T, props: { type: "multinode", nodeProperties } }).violations).toEqual([expect.stringContaining("(nodeProperties node range 0:) sets environment variable OPENAI_API_KEY")]);
        const ecsProperties = JSON.stringify({ taskProperties: [{ containers: [{ name: "main", image: "x", environment: [{ name: "API_TOKEN", value: SECRET }] }] }] });
        expect(checkResource(policy, { type: T, props: { type: "container", ecsProperties } }).violations).toEqual([expect.stringContaining("(ecsProperties container 'main') sets environment variable API_TOKEN")]);
    });
    it("fires on properties that cannot be read", () => {
        expect(checkResource(policy, { type: T, props: { type: "container", containerProperties: "{" } }).violations).toEqual([expect.stringContaining("its containerProperties is not valid JSON")]);
    });
    it("is unknown when the properties are unknown during preview, unless another part already fails", () => {
        expect(checkResource(policy, { type: T, props: { type: "container", containerProperties: UNKNOWN } }).unknown).toBeDefined();
        const nodeProperties = JSON.stringify({ nodeRangeProperties: [{ targetNodes: "0:", container: container([{ name: "API_TOKEN", value: SECRET }]) }] });
        expect(checkResource(policy, { type: T, props: { type: "multinode", containerProperties: UNKNOWN, nodeProperties } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: { ...job([{ name: "NODE_ENV", value: "production" }]), name: UNKNOWN } }).violations).toEqual([]);
    });
    it("takes the names of secrets from config", () => {
        const props = job([{ name: "PARTNER_ACCOUNT", value: "acme-corp" }]);
        expect(checkResource(policy, { type: T, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props, config: { secretStoreNames: ["PARTNER_*"] } }).violations).toHaveLength(1);
    });
});
