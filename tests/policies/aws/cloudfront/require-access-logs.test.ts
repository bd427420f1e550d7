import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudfront/require-access-logs";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";
const cdn = (loggingConfig?: aws.types.input.cloudfront.DistributionLoggingConfig): aws.cloudfront.DistributionArgs => ({
    enabled: true,
    origins: [{ originId: "alb", domainName: "alb.example.com", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
    defaultCacheBehavior: { targetOriginId: "alb", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { cloudfrontDefaultCertificate: true },
    loggingConfig,
});
const source = (logType = "ACCESS_LOGS"): aws.cloudwatch.LogDeliverySourceArgs => ({ name: "cdn-access", logType, resourceArn: UNKNOWN });
const delivery: aws.cloudwatch.LogDeliveryArgs = { deliverySourceName: UNKNOWN, deliveryDestinationArn: UNKNOWN };
const v2 = (logType?: string, withDelivery = true): StackResource[] => [
    { type: DISTRIBUTION, name: "cdn", props: cdn() },
    { type: SOURCE, name: "cdn-logs", props: source(logType), dependencies: [urnOf(DISTRIBUTION, "cdn")], propertyDependencies: { resourceArn: [urnOf(DISTRIBUTION, "cdn")] } },
    ...(withDelivery ? [{ type: DELIVERY, name: "cdn-logs-delivery", props: delivery, dependencies: [urnOf(SOURCE, "cdn-logs")], propertyDependencies: { deliverySourceName: [urnOf(SOURCE, "cdn-logs")] } }] : []),
];

describe("aws-cloudfront-require-access-logs", () => {
    it("passes standard logging to a bucket, also when the bucket is unknown during preview", () => {
        expect(checkStack(policy, [{ type: DISTRIBUTION, name: "cdn", props: cdn({ bucket: "logs.s3.amazonaws.com", prefix: "cdn/" }) }]).violations).toEqual([]);
        const verdict = checkStack(policy, [{ type: DISTRIBUTION, name: "cdn", props: cdn({ bucket: UNKNOWN }) }]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toBeUndefined();
    });
    it("passes a CloudWatch Logs delivery of the distribution's access logs, linked through the dependency graph", () => {
        const verdict = checkStack(policy, v2());
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toBeUndefined();
    });
    it("passes a delivery that names its source by a known name", () => {
        const resources = v2();
        resources[2] = { type: DELIVERY, name: "cdn-logs-delivery", props: { ...delivery, deliverySourceName: "cdn-access" }, dependencies: [], propertyDependencies: { deliveryDestinationArn: [] } };
        expect(checkStack(policy, resources).violations).toEqual([]);
    });
    it("fires on a distribution without loggingConfig, or with loggingConfig but no bucket and no delivery", () => {
        expect(checkStack(policy, [{ type: DISTRIBUTION, name: "cdn", props: cdn() }]).violations).toEqual([expect.stringContaining("CloudFront distribution 'cdn' writes no access logs")]);
        expect(checkStack(policy, [{ type: DISTRIBUTION, name: "cdn", props: cdn({ bucket: "", includeCookies: false }) }]).urns).toEqual([urnOf(DISTRIBUTION, "cdn")]);
    });
    it("fires when the delivery source has no delivery, or is not of access logs", () => {
        expect(checkStack(policy, v2("ACCESS_LOGS", false)).violations).toHaveLength(1);
        expect(checkStack(policy, v2("CONNECTION_LOGS")).violations).toHaveLength(1);
    });
    it("reports a delivery source whose resource is unknown, and the distribution without logs it could name, as unknown", () => {
        const verdict = checkStack(policy, [
            { type: DISTRIBUTION, name: "cdn", props: cdn() },
            { type: DISTRIBUTION, name: "logged", props: cdn({ bucket: "logs.s3.amazonaws.com" }) },
            { type: SOURCE, name: "other", props: source(), propertyDependencies: { name: [] } },
            { type: DELIVERY, name: "other-delivery", props: { ...delivery, deliverySourceName: "cdn-access" }, propertyDependencies: { deliveryDestinationArn: [] } },
        ]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(SOURCE, "other"), urnOf(DISTRIBUTION, "cdn")]);
    });
    it("is exempted by config", () => {
        const verdict = checkStack(policy, [{ type: DISTRIBUTION, name: "preview-cdn", props: cdn() }], { exemptions: [{ resource: "preview-*", reason: "preview environment" }] });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toContain("preview environment");
    });
});
