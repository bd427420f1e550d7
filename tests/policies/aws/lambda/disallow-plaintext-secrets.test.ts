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
});
