import json

import pulumi
import pulumi_aws as aws
import pulumi_kubernetes as k8s

# A bucket policy built from the bucket's ARN opens its objects to everyone.
assets = aws.s3.Bucket("assets")
aws.s3.BucketPolicy(
    "assets-public",
    bucket=assets.id,
    policy=assets.arn.apply(lambda arn: json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"{arn}/*"}],
    })),
)

# A task definition written with json_dumps from a log group's name runs a privileged container.
logs = aws.cloudwatch.LogGroup("app-logs", retention_in_days=30)
aws.ecs.TaskDefinition(
    "app",
    family="app",
    requires_compatibilities=["FARGATE"],
    network_mode="awsvpc",
    cpu="256",
    memory="512",
    container_definitions=pulumi.Output.json_dumps([{
        "name": "app",
        "image": "registry.example.com/app:1.4.0",
        "privileged": True,
        "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": logs.name, "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app"}},
    }]),
)

# A same-stack policy granting everything, attached by its ARN.
admin = aws.iam.Policy("admin", policy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
role = aws.iam.Role("app", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))
aws.iam.RolePolicyAttachment("app-admin", role=role.name, policy_arn=admin.arn)

# A privileged host-namespace Pod in a namespace the program creates, named by the provider.
apps = k8s.core.v1.Namespace("apps")
k8s.core.v1.Pod(
    "root",
    metadata={"name": "root", "namespace": apps.metadata.name},
    spec={
        "host_network": True,
        "host_pid": True,
        "containers": [{"name": "app", "image": "registry.example.com/app:1.4.0", "security_context": {"privileged": True}}],
    },
)
