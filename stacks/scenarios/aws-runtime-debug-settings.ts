import * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The service ships with development settings (NODE_ENV development, debug logging, DEBUG on) and its database URL and API keys written into the ECS task, the storefront Deployment and a Lambda function",
    violations: [
        ["aws-ecs-require-production-settings", "app-task"],
        ["aws-ecs-disallow-plaintext-secrets", "app-task"],
        ["kubernetes-workload-require-production-settings", "storefront"],
        ["kubernetes-workload-disallow-plaintext-secrets", "storefront"],
        ["aws-lambda-require-production-settings", "report-builder"],
        ["aws-lambda-disallow-plaintext-secrets", "report-builder"],
        ["aws-lambda-require-tracing", "report-builder"],
        ["aws-lambda-require-environment-kms", "report-builder"],
    ],
    patches: [
        patch<aws.ecs.TaskDefinitionArgs>("aws:ecs/taskDefinition:TaskDefinition", "app-task", (a) => {
            const [api] = JSON.parse(a.containerDefinitions as string);
            api.environment = [
                { name: "NODE_ENV", value: "development" },
                { name: "DEBUG", value: "true" },
                // No password in it, yet 002 keeps DATABASE_URL in the secrets vault.
                { name: "DATABASE_URL", value: "postgres://app@app-db.cluster.internal:5432/app" },
            ];
            a.containerDefinitions = JSON.stringify([api]);
        }),
        patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
            const { container } = storefrontParts(a);
            container.env = [
                { name: "NODE_ENV", value: "production" },
                { name: "LOG_LEVEL", value: "debug" },
                { name: "DATABASE_URL", valueFrom: { configMapKeyRef: { name: "storefront-config", key: "database-url" } } },
            ];
        }),
    ],
    extra: () => {
        new aws.lambda.Function("report-builder", {
            role: "arn:aws:iam::123456789012:role/report-builder",
            runtime: "nodejs22.x",
            handler: "index.handler",
            code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({});") }),
            environment: { variables: { LOG_LEVEL: "trace", OPENAI_MODEL: "gpt-4", OPENAI_API_KEY: "set-me" } },
        });
    },
});
