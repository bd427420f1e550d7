import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { included } from "../../scenario";
import { ACCOUNT_ID } from "./account";

const REGION = "us-east-1";

let auditKeyInstance: aws.kms.Key | undefined;

/**
 * A rotated key for the audit trail and the request logs: CloudTrail may encrypt this account's
 * trails with it, and CloudWatch Logs this account's log groups.
 */
function auditKey(): aws.kms.Key {
    auditKeyInstance ??= new aws.kms.Key("app-audit-key", {
        description: "CloudTrail log files and the audit and WAF log groups",
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "AccountAdmin", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:*", Resource: "*" },
                {
                    Sid: "CloudTrailEncrypt",
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
                    Resource: "*",
                    Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT_ID}:trail/*` } },
                },
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
    return auditKeyInstance;
}

/** What a CloudTrail trail needs to deliver its events to CloudWatch Logs and encrypt its log files. */
export interface TrailDelivery {
    cloudWatchLogsGroupArn: pulumi.Output<string>;
    cloudWatchLogsRoleArn: pulumi.Output<string>;
    kmsKeyId: pulumi.Output<string>;
}

/** The audit trail's CloudWatch delivery: an encrypted log group kept a year, and the role CloudTrail writes to it with. */
export function trailDelivery(): TrailDelivery {
    const name = "/aws/cloudtrail/app";
    const group = new aws.cloudwatch.LogGroup("app-trail-events", { name, retentionInDays: 365, kmsKeyId: auditKey().arn });
    const role = new aws.iam.Role("app-trail-logs-role", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    new aws.iam.RolePolicy("app-trail-logs-policy", {
        role: role.id,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${name}:log-stream:*`,
            }],
        }),
    });
    // Built from the fixed name, so the trail's log group is known at preview; the group's arn output is unknown until it exists.
    const cloudWatchLogsGroupArn = group.name.apply(() => `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${name}:*`);
    return { cloudWatchLogsGroupArn, cloudWatchLogsRoleArn: role.arn, kmsKeyId: auditKey().arn };
}

/** Logs a web ACL's requests to an encrypted log group (WAF requires the aws-waf-logs- prefix); returns the ACL. */
export function wafLogging(name: string, acl: aws.wafv2.WebAcl): aws.wafv2.WebAcl {
    const group = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `aws-waf-logs-${name}`, retentionInDays: 90, kmsKeyId: auditKey().arn });
    if (included(`${name}-logging`)) {
        new aws.wafv2.WebAclLoggingConfiguration(`${name}-logging`, { resourceArn: acl.arn, logDestinationConfigs: [group.arn] });
    }
    return acl;
}
