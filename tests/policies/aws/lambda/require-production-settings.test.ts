import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lambda/require-production-settings";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:lambda/function:Function";
const fn = (variables?: Record<string, string>): aws.lambda.FunctionArgs => ({
    role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs20.x", handler: "index.handler",
    ...(variables ? { environment: { variables } } : {}),
});

describe("aws-lambda-require-production-settings", () => {
    it("passes production settings", () => {
        expect(checkResource(policy, { type: T, props: fn({ NODE_ENV: "production", LOG_LEVEL: "error", DEBUG: "0" }) }).violations).toEqual([]);
    });
    it("fires on each non-production setting", () => {
        const { violations } = checkResource(policy, { type: T, name: "thumbnailer", props: fn({ RAILS_ENV: "test", LOG_LEVEL: "verbose", APP_DEBUG: "yes" }) });
        expect([...violations].sort()).toEqual([
            "Lambda function 'thumbnailer' sets APP_DEBUG to \"yes\", which turns debug mode on: set it to false or remove it.",
            "Lambda function 'thumbnailer' sets LOG_LEVEL to \"verbose\", a log level too verbose for production: set it to info or less verbose.",
            "Lambda function 'thumbnailer' sets RAILS_ENV to \"test\", not a production environment: set it to production.",
        ]);
    });
    it("passes when environment is omitted", () => expect(checkResource(policy, { type: T, props: fn() }).violations).toEqual([]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: fn({ NODE_ENV: UNKNOWN }) }).unknown).toBeDefined());
    it("takes log levels from config", () => {
        expect(checkResource(policy, { type: T, props: fn({ LOG_LEVEL: "warn" }), config: { allowedLogLevels: ["error"] } }).violations).toHaveLength(1);
    });

    it("fires on a debug level in Lambda's logging controls", () => {
        const props: aws.lambda.FunctionArgs = { ...fn(), loggingConfig: { logFormat: "JSON", applicationLogLevel: "DEBUG", systemLogLevel: "INFO" } };
        expect(checkResource(policy, { type: T, name: "thumbnailer", props }).violations).toEqual([
            "Lambda function 'thumbnailer' sets loggingConfig.applicationLogLevel to \"DEBUG\", a log level too verbose for production: set it to INFO or less verbose.",
        ]);
        expect(checkResource(policy, { type: T, props: { ...props, loggingConfig: { logFormat: "JSON", applicationLogLevel: "WARN" } } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...props, loggingConfig: { logFormat: "Text" } } }).violations).toEqual([]);
    });

    it("reports a debug log level next to a variable and a log setting unknown during preview", () => {
        const props: aws.lambda.FunctionArgs = { ...fn({ NODE_ENV: UNKNOWN, LOG_LEVEL: "debug" }), loggingConfig: { logFormat: "JSON", applicationLogLevel: UNKNOWN } };
        expect(checkResource(policy, { type: T, name: "api", props }).violations).toEqual([expect.stringContaining("Lambda function 'api' sets LOG_LEVEL to \"debug\"")]);
        expect(checkResource(policy, { type: T, props: fn({ NODE_ENV: UNKNOWN }) }).unknown).toBeDefined();
    });
});
