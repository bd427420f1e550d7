import type { PolicyResource } from "@pulumi/policy";
import { indexByName, indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { byUrn } from "../../lib/edge";
import { bool, given, list, record, records, text } from "../../lib/values";

const SERVICE = "aws:ecs/service:Service";
const DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** Latency metrics and the unit CloudWatch reports them in (seconds per unit). */
const LATENCY_METRICS: Record<string, number> = { TargetResponseTime: 1, Latency: 0.001, IntegrationLatency: 0.001, Duration: 0.001, OriginLatency: 0.001 };

/** The latency an alarm watches and the threshold in seconds, or undefined when it watches something else. */
function latencyThreshold(alarm: PolicyResource): { metric: string; seconds?: number } | undefined {
    const metrics = [text(alarm.props.metricName), ...records(alarm.props.metricQueries).map((q) => text(record(q.metric)?.metricName))];
    const metric = metrics.find((m): m is string => m !== undefined && m in LATENCY_METRICS);
    if (metric === undefined) {
        return undefined;
    }
    const threshold = alarm.props.threshold;
    return { metric, seconds: typeof threshold === "number" ? threshold * LATENCY_METRICS[metric] : undefined };
}

export default stackPolicy({
    name: "aws-ecs-require-alarm-rollback",
    description: "ECS services roll a deployment back automatically when a CloudWatch alarm on latency fires: the service's alarms block with rollback, or a CodeDeploy deployment group that rolls back on DEPLOYMENT_STOP_ON_ALARM.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.rollback-triggers.latency"],
    remediationSteps: "Set alarms: { alarmNames: [<p95 latency alarm name>], enable: true, rollback: true } on the aws.ecs.Service (or, with the CODE_DEPLOY controller, autoRollbackConfiguration { enabled: true, events: [\"DEPLOYMENT_STOP_ON_ALARM\"] } and alarmConfiguration { enabled: true, alarms: [...] } on its deployment group), naming an alarm on TargetResponseTime with a threshold of 10 seconds or less.",
    tags: ["deployment"],
    config: {
        maximumLatencySeconds: {
            type: "number", exclusiveMinimum: 0, maximum: 60, default: 10,
            description: "The highest threshold, in seconds, the latency alarm that triggers the rollback may use. Default 10: 004 (Rollback Triggers) rolls back when p95 latency exceeds 10 s for 5 minutes.",
        },
        requireLatencyAlarm: {
            type: "boolean", default: true,
            description: "Whether one of the rollback alarms must be an alarm of the stack on latency. Default true: 004 (Rollback Triggers · Latency) names latency as the trigger.",
        },
    },
    resourceTypes: [SERVICE, DEPLOYMENT_GROUP, ALARM],
    validate: (resources, config, report, context) => {
        const services = ofTypes(resources, [SERVICE]);
        if (services.length === 0) {
            return;
        }
        const alarms = ofTypes(resources, [ALARM]);
        const alarmUrns = new Set(alarms.map((a) => a.urn));
        const urns = byUrn(alarms);
        const named = indexByName(alarms);

        /** Judges the alarms `owner` rolls back on; returns what is wrong, or undefined. */
        const alarmProblem = (owner: PolicyResource, property: string, names: () => unknown[]): string | undefined => {
            if (!config.requireLatencyAlarm) {
                return undefined;
            }
            const fast = (l: { seconds?: number } | undefined) => l?.seconds !== undefined && l.seconds <= config.maximumLatencySeconds;
            // The graph names alarms whose names are unknown during preview; names are read only when it does not suffice.
            const byGraph = (owner.propertyDependencies?.[property] ?? []).filter((d) => alarmUrns.has(d.urn)).map((d) => urns.get(d.urn)!);
            if (byGraph.some((alarm) => fast(latencyThreshold(alarm)))) {
                return undefined;
            }
            const byName = names().map(text).flatMap((n) => (n ? named.byName.get(n) ?? [] : []));
            const found = [...byGraph, ...byName];
            const latency = found.map(latencyThreshold).filter((l) => l !== undefined);
            if (latency.some(fast)) {
                return undefined;
            }
            if (found.length === 0 && named.unknownName !== undefined) {
                throw named.unknownName;
            }
            if (latency.length > 0) {
                return `rolls back on a latency alarm (${latency[0].metric}) whose threshold is above ${config.maximumLatencySeconds} s or not a number: set its threshold to ${config.maximumLatencySeconds} s or less`;
            }
            return `rolls back on no alarm of the stack that watches latency: add an alarm on TargetResponseTime (p95, at most ${config.maximumLatencySeconds} s) and name it among the rollback alarms`;
        };

        const groups = ofTypes(resources, [DEPLOYMENT_GROUP]);
        const groupProblem = (group: PolicyResource): string | undefined => {
            const where = `CodeDeploy deployment group '${group.name}'`;
            const rollback = record(group.props.autoRollbackConfiguration);
            if (bool(rollback?.enabled) !== true || !list(rollback?.events).includes("DEPLOYMENT_STOP_ON_ALARM")) {
                return `${where} does not roll back on alarms: set autoRollbackConfiguration { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] }`;
            }
            const alarmConfig = record(group.props.alarmConfiguration);
            if (bool(alarmConfig?.enabled) !== true || given(alarmConfig?.alarms) === undefined) {
                return `${where} watches no alarms: set alarmConfiguration { enabled: true, alarms: [<latency alarm name>] }`;
            }
            const problem = alarmProblem(group, "alarmConfiguration", () => list(alarmConfig?.alarms));
            return problem && `${where} ${problem}`;
        };
        const serviceKeys = (service: PolicyResource) => [given(service.props.name)];
        const byGroup = linkJudge(indexLinks(services, groups, "ecsService", serviceKeys, (g) => [record(g.props.ecsService)?.serviceName]), groupProblem);

        for (const service of services) {
            context.judge(service, () => {
                const where = `ECS service '${service.name}'`;
                const controller = text(record(service.props.deploymentController)?.type);
                if (controller === "CODE_DEPLOY") {
                    const problems = byGroup(service);
                    if (problems !== undefined) {
                        report(problems.length > 0
                            ? `${where} deploys through CodeDeploy, but ${problems.join("; ")}.`
                            : `${where} deploys through CodeDeploy, but no deployment group of the stack names it: add an aws.codedeploy.DeploymentGroup with ecsService naming it, autoRollbackConfiguration on DEPLOYMENT_STOP_ON_ALARM and alarmConfiguration naming a latency alarm.`, service.urn);
                    }
                    return;
                }
                const alarmsBlock = record(service.props.alarms);
                if (given(service.props.alarms) === undefined || alarmsBlock === undefined) {
                    report(`${where} sets no alarms, so a deployment that makes it slow is never rolled back: set alarms { alarmNames: [<p95 latency alarm name>], enable: true, rollback: true }.`, service.urn);
                    return;
                }
                if (bool(alarmsBlock.enable) !== true || bool(alarmsBlock.rollback) !== true) {
                    report(`${where} sets alarms without enable: true and rollback: true, so an alarm during a deployment does not roll it back: set both to true.`, service.urn);
                    return;
                }
                if (given(alarmsBlock.alarmNames) === undefined) {
                    report(`${where} sets alarms with no alarmNames: name the p95 latency alarm in alarms.alarmNames.`, service.urn);
                    return;
                }
                const problem = alarmProblem(service, "alarms", () => list(alarmsBlock.alarmNames));
                if (problem) {
                    report(`${where} ${problem}.`, service.urn);
                }
            });
        }
    },
});
