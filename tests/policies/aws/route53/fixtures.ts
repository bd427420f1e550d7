// Public endpoints and what points at them, shared by the Route 53 policy specs.
import type * as aws from "@pulumi/aws";
import { StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

export const LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
export const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const REST_API = "aws:apigateway/restApi:RestApi";
export const RECORD = "aws:route53/record:Record";
export const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
export const CANARY = "aws:synthetics/canary:Canary";
export const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

export const alb = (args: Partial<aws.lb.LoadBalancerArgs> = {}): StackResource => ({ type: LOAD_BALANCER, name: "alb", props: { loadBalancerType: "application", internal: false, ...args } });
export const distribution: StackResource = {
    type: DISTRIBUTION, name: "cdn",
    props: {
        enabled: true, aliases: ["www.shop.example.com"], origins: [{ originId: "alb", domainName: UNKNOWN }],
        defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
        restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only" },
    } satisfies aws.cloudfront.DistributionArgs,
};
export const restApi = (args: Partial<aws.apigateway.RestApiArgs> = {}): StackResource => ({ type: REST_API, name: "api", props: { name: "shop-api", ...args } });

/** An alias record to `target`, whose DNS name is unknown during preview: the graph places it. */
export const aliasRecord = (name: string, fqdn: string, target: string): StackResource => ({
    type: RECORD, name,
    props: { zoneId: "Z123", name: fqdn, type: "A", aliases: [{ name: UNKNOWN, zoneId: UNKNOWN, evaluateTargetHealth: true }] } satisfies aws.route53.RecordArgs,
    propertyDependencies: { aliases: [target] },
});

export const healthCheck = (name: string, fqdn: string, args: Partial<aws.route53.HealthCheckArgs> = {}): StackResource => ({
    type: HEALTH_CHECK, name, props: { type: "HTTPS", fqdn, port: 443, resourcePath: "/health", requestInterval: 30, failureThreshold: 3, ...args } satisfies aws.route53.HealthCheckArgs,
});

/** An alarm on a health check's status: its id is unknown during preview, the graph places it. */
export const healthAlarm = (name: string, check: string): StackResource => ({
    type: ALARM, name,
    props: { namespace: "AWS/Route53", metricName: "HealthCheckStatus", statistic: "Minimum", comparisonOperator: "LessThanThreshold", threshold: 1, period: 60, evaluationPeriods: 2, dimensions: { HealthCheckId: UNKNOWN }, alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"] } satisfies aws.cloudwatch.MetricAlarmArgs,
    propertyDependencies: { dimensions: [urnOf(HEALTH_CHECK, check)] },
});
