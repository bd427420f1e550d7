import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lambda/disallow-plaintext-secrets";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:lambda/function:Function";
const SECRET = "hunter2-very-secret-value";
const fn: aws.lambda.FunctionArgs = { role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs20.x", handler: "index.handler", environment: { variables: { LOG_LEVEL: "info", DB_PARAMETER: "arn:aws:ssm:us-east-1:123456789012:parameter/app/db" } } };

describe("aws-lambda-disallow-plaintext-secrets", () => {
    it("passes plain settings", () => expect(checkResource(policy, { type: T, props: fn }).violations).toEqual([]));
    it("fires on a credential, without printing it", () => {
        const { violations } = checkResource(policy, { type: T, name: "fn", props: { ...fn, environment: { variables: { API_TOKEN: SECRET } } } });
        expect(violations).toEqual([expect.stringContaining("Lambda function 'fn' sets environment variable API_TOKEN in plain text")]);
        expect(violations[0]).not.toContain(SECRET);
    });
    it("passes when environment is omitted", () => expect(checkResource(policy, { type: T, props: { role: "r" } }).violations).toEqual([]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { environment: { variables: { API_TOKEN: UNKNOWN } } } }).unknown).toBeDefined());

    it("fires on a setting the checklists name as a secret even when its value looks harmless", () => {
        const { violations } = checkResource(policy, { type: T, name: "fn", props: { ...fn, environment: { variables: { ENCRYPTION_MASTER_KEY: "v1", DATABASE_URL: "postgres://db.internal/app" } } } });
        expect([...violations].sort()).toEqual([
            "Lambda function 'fn' sets DATABASE_URL as an environment variable, which writes its value in the resource: the checklists keep it in the secret store; store it in Secrets Manager or SSM and pass its ARN (in a variable such as DATABASE_URL_ARN) instead.",
            expect.stringContaining("ENCRYPTION_MASTER_KEY"),
        ]);
        expect(violations.join("\n")).not.toContain("db.internal");
    });
    it("passes such a setting that holds the ARN of its secret", () => {
        const variables = { JWT_SECRET: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/jwt-AbCdEf" };
        expect(checkResource(policy, { type: T, props: { ...fn, environment: { variables } } }).violations).toEqual([]);
    });
    it("reports such a setting unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: T, props: { ...fn, environment: { variables: { STRIPE_API_KEY: UNKNOWN } } } }).unknown).toBeDefined();
    });
    it("takes the secret-store names from config", () => {
        const props = { ...fn, environment: { variables: { SENTRY_DSN: "https://public@sentry.example.com/1" } } };
        expect(checkResource(policy, { type: T, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props, config: { secretStoreNames: ["SENTRY_DSN"] } }).violations).toHaveLength(1);
    });

    it("reports a plain-text secret next to variables unknown during preview (a table name, a queue URL)", () => {
        const props: aws.lambda.FunctionArgs = { ...fn, environment: { variables: { TABLE_NAME: UNKNOWN, QUEUE_URL: UNKNOWN, DB_PASSWORD: SECRET } } };
        expect(checkResource(policy, { type: T, name: "api", props }).violations).toEqual([expect.stringContaining("Lambda function 'api' sets environment variable DB_PASSWORD in plain text")]);
        // Without a known secret, the unknown value may be one (a generated password): it decides.
        expect(checkResource(policy, { type: T, props: { ...fn, environment: { variables: { TABLE_NAME: UNKNOWN, LOG_LEVEL: "info" } } } }).unknown).toBeDefined();
    });
});
