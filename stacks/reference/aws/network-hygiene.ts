import * as aws from "@pulumi/aws";
import { included } from "../../scenario";
import { ACCOUNT_ID } from "./account";
import type { Network } from "./network";

const REGION = "us-east-1";
const FLOW_LOG_GROUP = "/aws/vpc/app-flow-logs";

/**
 * The VPC's network hygiene: a flow log of all traffic into an encrypted log group, the default
 * security group stripped of its rules, and a network ACL for the private subnets that admits the
 * VPC and the return traffic of outbound HTTPS only.
 */
export function networkHygiene(net: Network): void {
    const key = new aws.kms.Key("app-network-logs-key", {
        description: "VPC flow logs",
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
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${FLOW_LOG_GROUP}` } },
                },
            ],
        }),
    });
    const logGroup = new aws.cloudwatch.LogGroup("app-vpc-flow-logs", { name: FLOW_LOG_GROUP, retentionInDays: 90, kmsKeyId: key.arn });
    const role = new aws.iam.Role("app-vpc-flow-logs-role", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT_ID } },
            }],
        }),
    });
    new aws.iam.RolePolicy("app-vpc-flow-logs-policy", {
        role: role.id,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${FLOW_LOG_GROUP}:*`,
            }],
        }),
    });
    if (included("app-vpc-flow-log")) {
        new aws.ec2.FlowLog("app-vpc-flow-log", {
            vpcId: net.vpc.id,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: logGroup.arn,
            iamRoleArn: role.arn,
            maxAggregationInterval: 60,
        });
    }

    // Adopted without rules: the provider removes the default group's rules, so nothing falls back on it.
    new aws.ec2.DefaultSecurityGroup("app-vpc-default-sg", { vpcId: net.vpc.id, tags: { Name: "app-default-locked" } });

    const vpcCidr = "10.20.0.0/16";
    new aws.ec2.NetworkAcl("app-private-nacl", {
        vpcId: net.vpc.id,
        subnetIds: net.privateSubnets.map((s) => s.id),
        ingress: [
            { ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: vpcCidr },
            // Return traffic of outbound HTTPS: the Linux ephemeral range, which leaves out SSH and RDP.
            { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" },
        ],
        egress: [
            { ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: vpcCidr },
            { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
        ],
        tags: { Name: "app-private" },
    });
}
