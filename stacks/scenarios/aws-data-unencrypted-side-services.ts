import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "Services added beside the data stores without their encryption: an Athena workgroup writing plain query results, a CodeBuild project with artifact encryption turned off, an EMR security configuration without in-transit encryption, an unencrypted WorkSpace, an API stage cache without encryption, an EFS volume mounted without TLS and Performance Insights on the AWS managed key",
    violations: [
        ["aws-athena-require-result-encryption", "adhoc-queries"],
        ["aws-codebuild-require-artifact-encryption", "app-build"],
        ["aws-emr-require-security-configuration-encryption", "emr-security"],
        ["aws-workspaces-require-volume-encryption", "analyst-desktop"],
        ["aws-apigateway-require-cache-encryption", "partner-api-throttle"],
        ["aws-ecs-require-efs-transit-encryption", "app-task"],
        ["aws-rds-require-performance-insights-customer-key", "app-db-0"],
    ],
    patches: [
        patch<aws.apigateway.MethodSettingsArgs>("aws:apigateway/methodSettings:MethodSettings", "partner-api-throttle", (a) => {
            a.settings = { throttlingRateLimit: 100, throttlingBurstLimit: 200, metricsEnabled: true, cachingEnabled: true, cacheTtlInSeconds: 60 };
        }),
        patch<aws.ecs.TaskDefinitionArgs>("aws:ecs/taskDefinition:TaskDefinition", "app-task", (a) => {
            a.volumes = [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-0123456789abcdef0" } }];
        }),
        patch<aws.rds.ClusterInstanceArgs>("aws:rds/clusterInstance:ClusterInstance", "app-db-0", (a) => { a.performanceInsightsEnabled = true; }),
    ],
    extra: () => {
        new aws.athena.Workgroup("adhoc-queries", {
            name: "adhoc",
            configuration: { resultConfiguration: { outputLocation: "s3://app-athena-results-123456789012/adhoc/" } },
        });
        new aws.codebuild.Project("app-build", {
            serviceRole: "arn:aws:iam::123456789012:role/app-build",
            source: { type: "GITHUB", location: "https://github.com/acme/app.git" },
            environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER" },
            artifacts: { type: "S3", location: "app-build-artifacts-123456789012", encryptionDisabled: true },
        });
        new aws.emr.SecurityConfiguration("emr-security", {
            configuration: JSON.stringify({
                EncryptionConfiguration: {
                    EnableAtRestEncryption: true,
                    EnableInTransitEncryption: false,
                    AtRestEncryptionConfiguration: {
                        S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" },
                        LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: "arn:aws:kms:us-east-1:123456789012:key/emr" },
                    },
                },
            }),
        });
        new aws.workspaces.Workspace("analyst-desktop", { bundleId: "wsb-bh8rsxt14", directoryId: "d-1234567890", userName: "analyst" });
    },
});
