import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT_ID } from "./account";
import { edgeKey } from "./edge-logs";

/**
 * The internal webhook receiver: a traced Lambda function whose environment is encrypted with the
 * edge key, reached through a function URL by callers that sign their requests with IAM.
 */
export function webhook(): void {
    const role = new aws.iam.Role("app-webhook-role", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Principal: { Service: "lambda.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT_ID } },
            }],
        }),
    });
    for (const [suffix, policy] of [["logs", "service-role/AWSLambdaBasicExecutionRole"], ["xray", "AWSXRayDaemonWriteAccess"]]) {
        new aws.iam.RolePolicyAttachment(`app-webhook-role-${suffix}`, { role: role.name, policyArn: `arn:aws:iam::aws:policy/${policy}` });
    }
    const fn = new aws.lambda.Function("app-webhook", {
        role: role.arn,
        runtime: "nodejs22.x",
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 202 });") }),
        tracingConfig: { mode: "Active" },
        environment: { variables: { NODE_ENV: "production", LOG_LEVEL: "info", ORDERS_QUEUE: "app-orders" } },
        kmsKeyArn: edgeKey().arn,
    });
    new aws.lambda.FunctionUrl("app-webhook-url", { functionName: fn.name, authorizationType: "AWS_IAM" });
}
