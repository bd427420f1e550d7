import * as aws from "@pulumi/aws";
import { included } from "../../scenario";
import { ACCOUNT_ID } from "./account";

const REGION = "us-east-1";

/** One JSON line per request: who called, what, and how it ended (API Gateway $context variables). */
const ACCESS_LOG_FORMAT = JSON.stringify({
    requestId: "$context.requestId",
    sourceIp: "$context.identity.sourceIp",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    path: "$context.path",
    status: "$context.status",
    responseLength: "$context.responseLength",
    latency: "$context.responseLatency",
});

let edgeKeyInstance: aws.kms.Key | undefined;

/**
 * A rotated key for the edge's request logs and the webhook function's environment: CloudWatch Logs
 * may use it for this account's log groups; IAM policies of the account grant the rest.
 */
export function edgeKey(): aws.kms.Key {
    edgeKeyInstance ??= new aws.kms.Key("app-edge-key", {
        description: "API and CDN access logs, and the webhook function's environment",
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "AccountAdmin", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:*", Resource: "*" },
                {
                    Sid: "CloudWatchLogs",
                    Effect: "Allow",
                    Principal: { Service: `logs.${REGION}.amazonaws.com` },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:*` } },
                },
            ],
        }),
    });
    return edgeKeyInstance;
}

/** An API stage's access logs: an encrypted log group kept 90 days, and the JSON line format. */
export function apiAccessLogs(api: string): aws.types.input.apigateway.StageAccessLogSettings {
    const group = new aws.cloudwatch.LogGroup(`${api}-access-logs`, { name: `/aws/apigateway/${api}`, retentionInDays: 90, kmsKeyId: edgeKey().arn });
    return { destinationArn: group.arn, format: ACCESS_LOG_FORMAT };
}

/** Delivers a distribution's access logs to an encrypted log group through CloudWatch Logs (standard logging v2); returns the distribution. */
export function cdnAccessLogs(name: string, distribution: aws.cloudfront.Distribution): aws.cloudfront.Distribution {
    if (included(`${name}-access`)) {
        const group = new aws.cloudwatch.LogGroup(`${name}-access-logs`, { name: `/aws/cloudfront/${name}`, retentionInDays: 90, kmsKeyId: edgeKey().arn });
        const source = new aws.cloudwatch.LogDeliverySource(`${name}-access`, { name: `${name}-access`, logType: "ACCESS_LOGS", resourceArn: distribution.arn });
        const destination = new aws.cloudwatch.LogDeliveryDestination(`${name}-access-destination`, {
            name: `${name}-access`,
            deliveryDestinationConfiguration: { destinationResourceArn: group.arn },
        });
        new aws.cloudwatch.LogDelivery(`${name}-access-delivery`, { deliverySourceName: source.name, deliveryDestinationArn: destination.arn });
    }
    return distribution;
}
