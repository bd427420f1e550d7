import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "Alerts and certificates that do not reach anyone: a paging topic without subscribers, a health check that probes nothing, a certificate that does not cover the CDN's alias, and a static site served straight from S3",
    violations: [
        ["aws-sns-require-subscription", "app-pages"],
        ["aws-route53-require-health-checks", "app-alb"],
        ["aws-acm-require-matching-certificates", "app-cdn"],
        ["aws-cloudfront-require-website-distribution", "legacy-site-website"],
    ],
    patches: [
        patch<aws.route53.HealthCheckArgs>("aws:route53/healthCheck:HealthCheck", "app-health", (a) => { a.type = "CALCULATED"; }),
        patch<aws.acm.CertificateArgs>("aws:acm/certificate:Certificate", "app-cert", (a) => { delete a.subjectAlternativeNames; }),
    ],
    extra: () => {
        const pages = new aws.sns.Topic("app-pages", { kmsMasterKeyId: "alias/aws/sns" });
        new aws.cloudwatch.MetricAlarm("app-tasks-missing", {
            namespace: "ECS/ContainerInsights", metricName: "RunningTaskCount", statistic: "Minimum", dimensions: { ClusterName: "app", ServiceName: "api" },
            comparisonOperator: "LessThanThreshold", threshold: 1, period: 60, evaluationPeriods: 2, alarmActions: [pages.arn],
            alarmDescription: "No task of the service runs (004: service down)",
        });
        new aws.s3.BucketWebsiteConfiguration("legacy-site-website", { bucket: "shop-legacy-site", indexDocument: { suffix: "index.html" } });
    },
});
