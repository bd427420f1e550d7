import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

// A bucket policy built from the bucket's ARN opens its objects to everyone.
const assets = new aws.s3.Bucket("assets");
new aws.s3.BucketPolicy("assets-public", {
    bucket: assets.id,
    policy: assets.arn.apply((arn) => JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${arn}/*` }],
    })),
});

// A task definition written with jsonStringify from a log group's name runs a privileged container.
const logs = new aws.cloudwatch.LogGroup("app-logs", { retentionInDays: 30 });
new aws.ecs.TaskDefinition("app", {
    family: "app",
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "256",
    memory: "512",
    containerDefinitions: pulumi.jsonStringify([{
        name: "app",
        image: "registry.example.com/app:1.4.0",
        privileged: true,
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logs.name, "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" } },
    }]),
});

// A same-stack policy granting everything, attached by its ARN.
const admin = new aws.iam.Policy("admin", {
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
});
const role = new aws.iam.Role("app", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});
new aws.iam.RolePolicyAttachment("app-admin", { role: role.name, policyArn: admin.arn });

// A privileged host-namespace Pod in a namespace the program creates, named by the provider.
const apps = new k8s.core.v1.Namespace("apps");
new k8s.core.v1.Pod("root", {
    metadata: { name: "root", namespace: apps.metadata.name },
    spec: {
        hostNetwork: true,
        hostPID: true,
        containers: [{ name: "app", image: "registry.example.com/app:1.4.0", securityContext: { privileged: true } }],
    },
});
