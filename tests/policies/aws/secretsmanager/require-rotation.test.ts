import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/secretsmanager/require-rotation";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const SECRET = "aws:secretsmanager/secret:Secret";
const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";

const secret = (name = "api-key"): StackResource => ({ type: SECRET, name, props: { name: `app/${name}`, description: "key" } satisfies aws.secretsmanager.SecretArgs });
const rotation = (rules: aws.types.input.secretsmanager.SecretRotationRotationRules | undefined, secretId: string = UNKNOWN): StackResource => ({
    type: ROTATION, name: "api-key-rotation",
    props: { secretId, rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:rotate", rotationRules: rules } satisfies aws.secretsmanager.SecretRotationArgs,
    dependencies: secretId === UNKNOWN ? [urnOf(SECRET, "api-key")] : [],
});

describe("aws-secretsmanager-require-rotation", () => {
    it("passes a secret rotated every 30 days, or by a rate schedule", () => {
        expect(checkStack(policy, [secret(), rotation({ automaticallyAfterDays: 30 })]).violations).toEqual([]);
        expect(checkStack(policy, [secret(), rotation({ scheduleExpression: "rate(30 days)" })]).violations).toEqual([]);
        expect(checkStack(policy, [secret(), rotation({ scheduleExpression: "cron(0 3 1 * ? *)" })]).violations).toEqual([]);
    });
    it("joins a rotation to its secret by name when the graph says nothing", () => {
        expect(checkStack(policy, [secret(), rotation({ automaticallyAfterDays: 30 }, "app/api-key")]).violations).toEqual([]);
    });
    it("fires on a secret without rotation (omitted)", () => {
        const verdict = checkStack(policy, [secret(), secret("db-password"), rotation({ automaticallyAfterDays: 30 })]);
        expect(verdict.violations).toEqual([expect.stringContaining("Secrets Manager secret 'db-password' has no rotation")]);
        expect(verdict.urns).toEqual([urnOf(SECRET, "db-password")]);
    });
    it("fires on the rotation when its period is too long", () => {
        const verdict = checkStack(policy, [secret(), rotation({ automaticallyAfterDays: 365 })]);
        expect(verdict.violations).toEqual([expect.stringContaining("Secret rotation 'api-key-rotation' rotates every 365 days, above the maximum 30")]);
        expect(verdict.urns).toEqual([urnOf(ROTATION, "api-key-rotation")]);
        expect(checkStack(policy, [secret(), rotation({ scheduleExpression: "rate(180 days)" })]).violations).toEqual([expect.stringContaining("less often than every 30 days")]);
    });
    it("holds secrets to a monthly rotation by default: 90 days fails, 30 days and 720 hours pass", () => {
        expect(checkStack(policy, [secret(), rotation({ automaticallyAfterDays: 90 })]).violations).toEqual([expect.stringContaining("rotates every 90 days, above the maximum 30")]);
        expect(checkStack(policy, [secret(), rotation({ scheduleExpression: "rate(720 hours)" })]).violations).toEqual([]);
        expect(checkStack(policy, [secret(), rotation({ automaticallyAfterDays: 90 })], { maximumDays: 90 }).violations).toEqual([]);
    });
    it("fires on rotation rules that are missing or malformed, without crashing", () => {
        expect(checkStack(policy, [secret(), rotation(undefined)]).violations).toEqual([expect.stringContaining("sets no rotationRules")]);
        const malformed = rotation({ automaticallyAfterDays: 30 });
        expect(checkStack(policy, [secret(), { ...malformed, props: { ...malformed.props, rotationRules: { automaticallyAfterDays: "often" } } }]).violations).toEqual([expect.stringContaining("a string")]);
    });
    it("leaves a secretId unknown during preview and not in the graph to the SDK", () => {
        expect(checkStack(policy, [secret(), { ...rotation({ automaticallyAfterDays: 30 }), dependencies: [] }]).unknown).toBeDefined();
    });
    it("treats an empty period as not set", () => {
        const empty = rotation({ scheduleExpression: "" });
        expect(checkStack(policy, [secret(), { ...empty, props: { ...empty.props, rotationRules: { automaticallyAfterDays: "", scheduleExpression: "" } } }]).violations).toEqual([expect.stringContaining("sets neither rotationRules.automaticallyAfterDays nor scheduleExpression")]);
    });
    it("judges each rotation and secret on its own when one period is unknown during preview", () => {
        const unknownPeriod = { ...rotation({ automaticallyAfterDays: 30 }), name: "unset-rotation", props: { secretId: UNKNOWN, rotationRules: { automaticallyAfterDays: UNKNOWN } }, dependencies: [urnOf(SECRET, "token")] };
        const verdict = checkStack(policy, [
            secret(), rotation({ automaticallyAfterDays: 365 }),
            secret("token"), unknownPeriod,
            secret("db-password"),
        ]);
        expect(verdict.urns).toEqual([urnOf(SECRET, "db-password"), urnOf(ROTATION, "api-key-rotation")]);
        expect(verdict.unknownUrns).toEqual([urnOf(ROTATION, "unset-rotation")]);
    });
    it("takes the maximum period from config", () => {
        expect(checkStack(policy, [secret(), rotation({ automaticallyAfterDays: 14 })], { maximumDays: 7 }).violations).toHaveLength(1);
        expect(checkStack(policy, [secret(), rotation({ automaticallyAfterDays: 365 })], { maximumDays: 365 }).violations).toEqual([]);
    });
});
