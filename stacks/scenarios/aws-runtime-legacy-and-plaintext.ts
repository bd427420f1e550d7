import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The webhook function left on the deprecated Node.js 18 runtime, an App Runner service and a Batch job that carry an API token in their environment in plain text",
    violations: [
        ["aws-lambda-disallow-deprecated-runtime", "app-webhook"],
        ["aws-apprunner-disallow-plaintext-secrets", "partner-portal"],
        ["aws-batch-disallow-plaintext-secrets", "nightly-report"],
    ],
    patches: [
        patch<aws.lambda.FunctionArgs>("aws:lambda/function:Function", "app-webhook", (a) => { a.runtime = "nodejs18.x"; }),
    ],
    extra: () => {
        new aws.apprunner.Service("partner-portal", {
            serviceName: "partner-portal",
            sourceConfiguration: {
                imageRepository: {
                    imageIdentifier: "123456789012.dkr.ecr.us-east-1.amazonaws.com/portal:3.2.0",
                    imageRepositoryType: "ECR",
                    imageConfiguration: { port: "8080", runtimeEnvironmentVariables: { NODE_ENV: "production", PARTNER_API_KEY: "pk-live-2f9c1e7a" } },
                },
            },
        });
        new aws.batch.JobDefinition("nightly-report", {
            type: "container",
            containerProperties: JSON.stringify({
                image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/report:2.1.0",
                command: ["node", "report.js"],
                resourceRequirements: [{ type: "VCPU", value: "1" }, { type: "MEMORY", value: "2048" }],
                environment: [{ name: "NODE_ENV", value: "production" }, { name: "DATABASE_URL", value: "postgres://report@db.internal:5432/app" }],
            }),
        });
    },
});
