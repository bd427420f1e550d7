import { ACM_CERTIFICATE, METRIC_ALARM_TYPES, metricAlarms, requireAlarms, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

const NAMESPACE = "AWS/CertificateManager";

export default stackPolicy({
    name: "aws-cloudwatch-require-certificate-alarms",
    description: "Every ACM certificate has a CloudWatch alarm that notifies someone when it comes close to expiry: DaysToExpiry below at least the configured number of days.",
    priority: "P1",
    severity: "high",
    checklist: ["004.alerting.warning-certificate-expiry"],
    remediationSteps: "Add an aws.cloudwatch.MetricAlarm with namespace AWS/CertificateManager, metricName DaysToExpiry, statistic Minimum, comparisonOperator LessThanThreshold, threshold 30 or more, dimensions { CertificateArn: certificate.arn } and alarmActions.",
    tags: ["observability"],
    config: {
        minimumDays: {
            type: "integer", minimum: 1, maximum: 395, default: 30,
            description: "The expiry alarm must fire once fewer than this many days are left. Default 30: 004 warns when a certificate expires in < 30 days. At most 395, the longest validity ACM issues.",
        },
    },
    resourceTypes: [...ACM_CERTIFICATE.types, ...METRIC_ALARM_TYPES],
    validate: (resources, config, report, context) => {
        const certificates = ofTypes(resources, ACM_CERTIFICATE.types);
        const watch = watchAlarms(certificates, metricAlarms(resources), ACM_CERTIFICATE);
        const requirements = [{
            label: `expiry (DaysToExpiry below ${config.minimumDays})`, namespaces: [NAMESPACE],
            signals: [{ metric: "DaysToExpiry", direction: "below" as const, limit: config.minimumDays, unit: "day(s)", whole: true }],
            advice: `namespace ${NAMESPACE}, metricName DaysToExpiry, statistic Minimum, period 86400, comparisonOperator LessThanThreshold, threshold ${config.minimumDays} or more`,
        }];
        for (const certificate of certificates) {
            context.judge(certificate, () => requireAlarms(watch, certificate, ACM_CERTIFICATE, requirements, report));
        }
    },
});
