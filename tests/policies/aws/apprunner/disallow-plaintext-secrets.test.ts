import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apprunner/disallow-plaintext-secrets";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:apprunner/service:Service";
const SECRET = "hunter2-very-secret-value";
const JWT_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/jwt-AbCdEf";
const image = (variables: Record<string, string>, secrets: Record<string, string> = { JWT_SECRET: JWT_ARN }): aws.apprunner.ServiceArgs => ({
    serviceName: "api",
    sourceConfiguration: {
        imageRepository: {
            imageIdentifier: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2",
            imageRepositoryType: "ECR",
            imageConfiguration: { port: "8080", runtimeEnvironmentVariables: variables, runtimeEnvironmentSecrets: secrets },
        },
    },
});
const code = (variables: Record<string, string>): aws.apprunner.ServiceArgs => ({
    serviceName: "web",
    sourceConfiguration: {
        codeRepository: {
            repositoryUrl: "https://github.com/acme/web",
            sourceCodeVersion: { type: "BRANCH", value: "main" },
            codeConfiguration: { configurationSource: "API", codeConfigurationValues: { runtime: "NODEJS_22", runtimeEnvironmentVariables: variables } },
        },
    },
});

describe("aws-apprunner-disallow-plaintext-secrets", () => {
    it("passes plain settings and secrets taken from the secret store", () => {
        expect(checkResource(policy, { type: T, props: image({ NODE_ENV: "production", LOG_LEVEL: "info" }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: code({ NODE_ENV: "production" }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { serviceName: "x", sourceConfiguration: {} } }).violations).toEqual([]);
    });
    it("fires on a credential in an image's environment, without printing it", () => {
        const { violations } = checkResource(policy, { type: T, name: "api", props: image({ API_TOKEN: SECRET }) });
        expect(violations).toEqual([expect.stringContaining("App Runner service 'api' (imageConfiguration) sets environment variable API_TOKEN in plain text")]);
        expect(violations[0]).toContain("pass it through runtimeEnvironmentSecrets instead");
        expect(violations[0]).not.toContain(SECRET);
    });
    it("fires on a setting the checklists name as a secret, in a code repository's environment", () => {
        expect(checkResource(policy, { type: T, name: "web", props: code({ DATABASE_URL: "postgres://db.internal/app" }) }).violations)
            .toEqual([expect.stringContaining("App Runner service 'web' (codeConfigurationValues) sets DATABASE_URL as an environment variable, which writes its value in the resource")]);
    });
    it("is unknown when a deciding value is unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: image({ API_TOKEN: UNKNOWN }) }).unknown).toBeDefined();
    });
    it("reports a credential beside a variable unknown during preview, and ignores unrelated unknowns", () => {
        expect(checkResource(policy, { type: T, props: image({ QUEUE_URL: UNKNOWN, API_TOKEN: SECRET }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: image({ NODE_ENV: "production" }, { JWT_SECRET: UNKNOWN }) }).violations).toEqual([]);
    });
    it("takes the names of secrets from config", () => {
        const props = image({ PARTNER_ACCOUNT: "acme-corp" });
        expect(checkResource(policy, { type: T, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props, config: { secretStoreNames: ["PARTNER_*"] } }).violations).toHaveLength(1);
    });
});
