import type { PolicyResource } from "@pulumi/policy";
import { isSetWithoutReading } from "../apigateway/require-access-logs";
import { stackPolicy } from "../../lib/define";
import { byType, DISTRIBUTION_TYPE, LinkIndex } from "../../lib/edge";
import { record, text } from "../../lib/values";

const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery";

export default stackPolicy({
    name: "aws-cloudfront-require-access-logs",
    description: "CloudFront distributions write access logs: standard logging to S3 (loggingConfig.bucket), or a CloudWatch Logs delivery (an ACCESS_LOGS aws.cloudwatch.LogDeliverySource for the distribution with an aws.cloudwatch.LogDelivery).",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "002.monitoring-and-logging.log-aggregation", "004.logging.log-aggregation", "003.security.audit-logging"],
    remediationSteps: "Declare an aws.cloudwatch.LogDeliverySource { logType: \"ACCESS_LOGS\", resourceArn: distribution.arn } (in us-east-1) with an aws.cloudwatch.LogDelivery { deliverySourceName: source.name, deliveryDestinationArn } to a log group, bucket or Firehose destination; or set loggingConfig.bucket to a log bucket's domain name (standard logging).",
    tags: ["observability"],
    resourceTypes: [DISTRIBUTION_TYPE, SOURCE, DELIVERY],
    validate: (resources, _config, report, context) => {
        const ofType = byType(resources);
        const sources = ofType(SOURCE);
        // A source counts once a LogDelivery takes its logs somewhere; both links go through the dependency graph first.
        const deliveries = new LinkIndex(sources, ofType(DELIVERY), "deliverySourceName", context);
        const delivered: PolicyResource[] = [];
        for (const source of sources) {
            context.judge(source, () => {
                if (text(source.props.logType)?.trim() === "ACCESS_LOGS" && deliveries.links(source, () => [source.props.name])) {
                    delivered.push(source);
                }
            });
        }
        const distributions = ofType(DISTRIBUTION_TYPE);
        const logged = new LinkIndex(distributions, delivered, "resourceArn", context);
        for (const distribution of distributions) {
            context.judge(distribution, () => {
                // The bucket is usually another resource's output, unknown during preview: only its presence is judged.
                if (isSetWithoutReading(record(distribution.props.loggingConfig), "bucket")) {
                    return;
                }
                // A distribution's ARN is unknown during preview, so only the graph can link a delivery source to it.
                if (logged.links(distribution, () => [])) {
                    return;
                }
                report(`CloudFront distribution '${distribution.name}' writes no access logs: declare an aws.cloudwatch.LogDeliverySource { logType: "ACCESS_LOGS", resourceArn: <distribution>.arn } with an aws.cloudwatch.LogDelivery, or set loggingConfig.bucket to a log bucket (standard logging).`, distribution.urn);
            });
        }
    },
});
