import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { included } from "../../scenario";
import type { Edge } from "./edge";
import { LATENCY_ALARM } from "./operations";
import { ACCOUNT_ID } from "./account";
import type { Network } from "./network";

export interface Compute {
    cluster: aws.ecs.Cluster;
    service: aws.ecs.Service;
    repository: aws.ecr.Repository;
}

/** Where CI pushes the API image: scanned on push, tags immutable, old images expired. */
function registry(): aws.ecr.Repository {
    const repository = new aws.ecr.Repository("app-api-repo", {
        name: "api",
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS" }],
    });
    if (included("app-api-repo-lifecycle")) {
        new aws.ecr.LifecyclePolicy("app-api-repo-lifecycle", {
            repository: repository.name,
            policy: JSON.stringify({
                rules: [
                    { rulePriority: 1, description: "Drop untagged images after 14 days", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } },
                    { rulePriority: 2, description: "Keep the last 30 releases for rollback", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 30 }, action: { type: "expire" } },
                ],
            }),
        });
    }
    return repository;
}

/** The API as an ECS Fargate service: non-root, sized, behind the ALB, scaled between 2 and 10 tasks. */
export function compute(net: Network, lb: Edge): Compute {
    const repository = registry();
    const cluster = new aws.ecs.Cluster("app-cluster", { settings: [{ name: "containerInsights", value: "enabled" }] });
    // A fixed log group name keeps the container definitions known at preview time, so every
    // container policy can judge them before deployment.
    const logGroupName = "/ecs/app";
    new aws.cloudwatch.LogGroup("app-logs", { name: logGroupName, retentionInDays: 30, kmsKeyId: logsKey().arn });
    const taskDefinition = new aws.ecs.TaskDefinition("app-task", {
        family: "app",
        requiresCompatibilities: ["FARGATE"],
        networkMode: "awsvpc",
        cpu: "512",
        memory: "1024",
        containerDefinitions: JSON.stringify([{
            name: "api",
            image: `${ACCOUNT_ID}.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2`,
            essential: true,
            user: "1000:1000",
            cpu: 512,
            memory: 1024,
            readonlyRootFilesystem: true,
            privileged: false,
            portMappings: [{ containerPort: 8080, protocol: "tcp" }],
            environment: [{ name: "NODE_ENV", value: "production" }, { name: "LOG_LEVEL", value: "info" }],
            healthCheck: { command: ["CMD-SHELL", "wget --no-check-certificate -qO- https://localhost:8080/health || exit 1"], interval: 15, timeout: 5, retries: 3 },
            logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logGroupName, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } },
        }]),
    });
    const service = new aws.ecs.Service("app-service", {
        cluster: cluster.arn,
        taskDefinition: taskDefinition.arn,
        launchType: "FARGATE",
        desiredCount: 2,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms: { alarmNames: [LATENCY_ALARM], enable: true, rollback: true },
        networkConfiguration: { subnets: net.privateSubnets.map((s) => s.id), securityGroups: [net.serviceSecurityGroup.id], assignPublicIp: false },
        loadBalancers: [{ targetGroupArn: lb.targetGroup.arn, containerName: "api", containerPort: 8080 }],
    }, { dependsOn: [lb.httpsListener] });
    const target = new aws.appautoscaling.Target("app-scaling", {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`,
        minCapacity: 2,
        maxCapacity: 10,
    });
    if (included("app-scaling-cpu")) {
        new aws.appautoscaling.Policy("app-scaling-cpu", {
            policyType: "TargetTrackingScaling",
            serviceNamespace: target.serviceNamespace,
            scalableDimension: target.scalableDimension,
            resourceId: target.resourceId,
            targetTrackingScalingPolicyConfiguration: {
                targetValue: 60,
                predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
            },
        });
    }
    return { cluster, service, repository };
}

/** A rotated key for the service's logs; CloudWatch Logs may use it for log groups of this account only. */
function logsKey(): aws.kms.Key {
    return new aws.kms.Key("app-logs-key", {
        description: "CloudWatch Logs of the application",
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "AccountAdmin", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:*", Resource: "*" },
                {
                    Sid: "CloudWatchLogs",
                    Effect: "Allow",
                    Principal: { Service: "logs.us-east-1.amazonaws.com" },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:*` } },
                },
            ],
        }),
    });
}
