import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { at, isGiven, record, records } from "../../lib/values";

/** What an alarm watches, by the dimension it names it with and the keys that dimension may hold. */
const WATCHED = [
    { types: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"], kind: "load balancer", dimension: "LoadBalancer", keys: (r: PolicyResource) => [r.props.name] },
    { types: ["aws:rds/cluster:Cluster"], kind: "RDS cluster", dimension: "DBClusterIdentifier", keys: (r: PolicyResource) => [r.props.clusterIdentifier] },
    { types: ["aws:rds/instance:Instance"], kind: "RDS instance", dimension: "DBInstanceIdentifier", keys: (r: PolicyResource) => [r.props.identifier] },
    { types: ["aws:ecs/service:Service"], kind: "ECS service", dimension: "ServiceName", keys: (r: PolicyResource) => [r.props.name] },
];

/** The dimension maps of an alarm: its own, and those of the metrics its metric-math queries read. */
function dimensionMaps(alarm: PolicyResource, property: string): Record<string, unknown>[] {
    if (property === "dimensions") {
        return [record(alarm.props.dimensions) ?? {}];
    }
    return records(alarm.props.metricQueries).map((q) => record(at(q, "metric", "dimensions")) ?? {});
}

export default stackPolicy({
    name: "aws-cloudwatch-require-alarms",
    description: "Every load balancer, database and ECS service is watched by at least one CloudWatch alarm that notifies someone (alarmActions).",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.alert-high-error-rate", "003.monitoring-logging.alert-high-cpu", "003.monitoring-logging.alert-high-memory", "004.alerting.critical-error-rate", "002.monitoring-and-logging.alerting", "003.monitoring-logging.alert-delivery", "002.database-setup.database-monitoring"],
    remediationSteps: "Add an aws.cloudwatch.MetricAlarm on the resource (HTTPCode_Target_5XX_Count for a load balancer, CPUUtilization for a database or service, MemoryUtilization for a service) with dimensions naming it and alarmActions: [<SNS topic ARN>].",
    tags: ["observability"],
    validate: (resources, _config, report, context) => {
        const alarms = ofTypes(resources, ["aws:cloudwatch/metricAlarm:MetricAlarm"]);
        const notifies = (alarm: PolicyResource) => isGiven(alarm.props.alarmActions) ? undefined : `alarm '${alarm.name}' sets no alarmActions`;
        for (const { types, kind, dimension, keys } of WATCHED) {
            const watched = ofTypes(resources, types);
            const judges = ["dimensions", "metricQueries"].map((property) => linkJudge(
                indexLinks(watched, alarms, property, keys, (alarm) => dimensionMaps(alarm, property).map((dims) => dims[dimension])),
                notifies,
            ));
            for (const resource of watched) {
                context.judge(resource, () => {
                    // Watched through either property passes, even when the other one is unknown.
                    const problems: string[] = [];
                    let unknown: unknown;
                    for (const judge of judges) {
                        try {
                            const found = judge(resource);
                            if (found === undefined) {
                                return;
                            }
                            problems.push(...found);
                        } catch (error) {
                            unknown ??= error;
                        }
                    }
                    if (unknown !== undefined) {
                        throw unknown;
                    }
                    report(`${kind} '${resource.name}' is watched by no CloudWatch alarm with alarmActions${problems.length ? ` (${problems.join("; ")})` : ""}: add an aws.cloudwatch.MetricAlarm with dimensions { ${dimension}: ... } and alarmActions [<SNS topic ARN>].`, resource.urn);
                });
            }
        }
    },
});
