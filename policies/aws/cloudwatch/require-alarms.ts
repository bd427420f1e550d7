import { AlarmRequirement, ECS_SERVICE, LOAD_BALANCER, METRIC_ALARM_TYPES, metricAlarms, RDS_CLUSTER, RDS_INSTANCE, watchAlarms } from "../../lib/alarms";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

/** Any alarm that notifies someone: the metric and threshold are judged by the per-kind alarm policies. */
const ANY_ALARM: AlarmRequirement = { label: "any metric", namespaces: [], signals: [], advice: "alarmActions" };

export default stackPolicy({
    name: "aws-cloudwatch-require-alarms",
    description: "Every load balancer, database and ECS service is watched by at least one CloudWatch alarm that notifies someone (alarmActions).",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.alert-high-error-rate", "003.monitoring-logging.alert-high-cpu", "003.monitoring-logging.alert-high-memory", "004.alerting.critical-error-rate", "002.monitoring-and-logging.alerting", "003.monitoring-logging.alert-delivery", "002.database-setup.database-monitoring"],
    remediationSteps: "Add an aws.cloudwatch.MetricAlarm on the resource (HTTPCode_Target_5XX_Count for a load balancer, CPUUtilization for a database or service, MemoryUtilization for a service) with dimensions naming it and alarmActions: [<SNS topic ARN>].",
    tags: ["observability"],
    resourceTypes: [...[LOAD_BALANCER, RDS_CLUSTER, RDS_INSTANCE, ECS_SERVICE].flatMap((kind) => kind.types), ...METRIC_ALARM_TYPES],
    validate: (resources, _config, report, context) => {
        const alarms = metricAlarms(resources);
        for (const kind of [LOAD_BALANCER, RDS_CLUSTER, RDS_INSTANCE, ECS_SERVICE]) {
            const watched = ofTypes(resources, kind.types);
            const watch = watchAlarms(watched, alarms, kind);
            for (const resource of watched) {
                context.judge(resource, () => {
                    const problems = watch.missing(resource, ANY_ALARM);
                    if (problems !== undefined) {
                        report(`${kind.kind} '${resource.name}' is watched by no CloudWatch alarm with alarmActions${problems.length ? ` (${problems.join("; ")})` : ""}: add an aws.cloudwatch.MetricAlarm with dimensions { ${kind.dimensions[0]}: ... } and alarmActions [<SNS topic ARN>].`, resource.urn);
                    }
                });
            }
        }
    },
});
