import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "Limits and guards left out: the partner API stage and its usage plan unthrottled, a WebSocket stage without route throttling, the cache on the default parameter group, an unlocked backup vault, audit logs expired after 30 days, and the API key rotated every 90 days",
    violations: [
        ["aws-apigateway-require-throttling", "partner-api-prod"],
        ["aws-apigateway-require-usage-plan-limits", "partner-api-plan"],
        ["aws-apigatewayv2-require-throttling", "events-prod"],
        ["aws-apigatewayv2-require-access-logs", "events-prod"],
        ["aws-elasticache-require-maxmemory-policy", "app-cache"],
        ["aws-backup-restrict-recovery-point-deletion", "app-backups"],
        ["aws-cloudtrail-require-log-retention", "app-trail"],
        ["aws-secretsmanager-require-rotation", "app-api-key-rotation"],
    ],
    omit: ["partner-api-throttle", "app-backups-lock"],
    patches: [
        patch<aws.apigateway.UsagePlanArgs>("aws:apigateway/usagePlan:UsagePlan", "partner-api-plan", (a) => { delete a.throttleSettings; }),
        patch<aws.elasticache.ReplicationGroupArgs>("aws:elasticache/replicationGroup:ReplicationGroup", "app-cache", (a) => { delete a.parameterGroupName; }),
        patch<aws.s3.BucketLifecycleConfigurationArgs>("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "app-trail-logs-lifecycle", (a) => {
            a.rules = [{ id: "expire-old-logs", status: "Enabled", filter: {}, expiration: { days: 30 }, noncurrentVersionExpiration: { noncurrentDays: 30 } }];
        }),
        patch<aws.secretsmanager.SecretRotationArgs>("aws:secretsmanager/secretRotation:SecretRotation", "app-api-key-rotation", (a) => {
            a.rotationRules = { automaticallyAfterDays: 90 };
        }),
    ],
    extra: () => {
        // A stage of the events WebSocket API, which the platform team manages in another stack.
        new aws.apigatewayv2.Stage("events-prod", { apiId: "e7f8g9h0i1", name: "prod", autoDeploy: true });
    },
});
