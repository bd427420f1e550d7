import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { dnsName, ENDPOINT_TYPES, graphSources, indexEndpoints, publicEndpoints } from "../../lib/endpoints";
import { attempt, isUnknownValueError } from "../../lib/unknowns";
import { bool, given, record, text } from "../../lib/values";

const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
const CANARY = "aws:synthetics/canary:Canary";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
/** Route 53 health check types that probe an endpoint (CALCULATED and CLOUDWATCH_METRIC only combine other signals). */
const PROBING = new Set(["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP"]);

/** How often a canary runs, in minutes, from `rate(N minutes)`; undefined when it is not a rate. */
function rateMinutes(expression: string): number | undefined {
    const match = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours)\s*\)$/.exec(expression.trim());
    if (!match) {
        return undefined;
    }
    return Number(match[1]) * (match[2].startsWith("hour") ? 60 : 1);
}

export default stackPolicy({
    name: "aws-route53-require-health-checks",
    description: "Every public endpoint (internet-facing load balancer, CloudFront distribution, API Gateway API) is probed from outside by a Route 53 health check or a CloudWatch Synthetics canary at least every 5 minutes, with a CloudWatch alarm on the probe.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.monitoring-and-logging.uptime-monitoring", "003.monitoring-logging.uptime-monitoring", "004.alerting.critical-service-down"],
    remediationSteps: "Add an aws.route53.HealthCheck (type HTTPS, fqdn the endpoint's domain, resourcePath the health path) or an aws.synthetics.Canary (schedule rate(5 minutes), startCanary: true), and an aws.cloudwatch.MetricAlarm on its HealthCheckStatus (dimension HealthCheckId) or SuccessPercent (dimension CanaryName) with alarmActions.",
    tags: ["observability"],
    config: {
        maximumIntervalMinutes: {
            type: "integer", minimum: 1, maximum: 60, default: 5,
            description: "The longest time between two probes, in minutes. Default 5: 003 (Monitoring & Logging · Uptime monitoring) checks every 1-5 minutes.",
        },
    },
    resourceTypes: [HEALTH_CHECK, CANARY, ALARM, ...ENDPOINT_TYPES],
    validate: (resources, config, report, context) => {
        const endpoints = publicEndpoints(resources);
        if (endpoints.length === 0) {
            return;
        }
        const index = indexEndpoints(resources, endpoints);
        const probes = resources.filter((r) => r.type === HEALTH_CHECK || r.type === CANARY);
        const alarms = resources.filter((r) => r.type === ALARM);
        // An alarm watches a probe through its dimensions: HealthCheckId (unknown during preview: the graph) or CanaryName.
        const alarmed = linkJudge(
            indexLinks(probes, alarms, "dimensions", (p) => [p.type === CANARY ? given(p.props.name) : undefined],
                (alarm) => [record(alarm.props.dimensions)?.HealthCheckId, record(alarm.props.dimensions)?.CanaryName]),
            () => undefined,
        );

        /** Why a probe does not count, or undefined when it probes often enough and an alarm watches it. */
        const problem = (probe: PolicyResource): string | undefined => {
            if (probe.type === HEALTH_CHECK) {
                const type = text(probe.props.type);
                if (!type || !PROBING.has(type)) {
                    return `health check '${probe.name}' has type ${type ? `'${type}'` : "unset"}, which probes nothing: use HTTPS`;
                }
                // requestInterval is 10 or 30 seconds (30 when omitted): always within the limit.
            } else {
                if (bool(probe.props.startCanary) !== true) {
                    return `canary '${probe.name}' is never started (startCanary omitted or false): set startCanary: true`;
                }
                const expression = text(record(probe.props.schedule)?.expression) ?? "";
                const minutes = rateMinutes(expression);
                if (minutes === undefined || minutes === 0 || minutes > config.maximumIntervalMinutes) {
                    return `canary '${probe.name}' runs on schedule '${expression}', not at least every ${config.maximumIntervalMinutes} minute(s): set schedule.expression to "rate(${config.maximumIntervalMinutes} minutes)" or more often`;
                }
            }
            const watchers = alarmed(probe);
            if (watchers !== undefined) {
                return `no CloudWatch alarm watches ${probe.type === HEALTH_CHECK ? `health check '${probe.name}' (AWS/Route53 HealthCheckStatus, dimension HealthCheckId)` : `canary '${probe.name}' (CloudWatchSynthetics SuccessPercent, dimension CanaryName)`}: add one with alarmActions`;
            }
            return undefined;
        };

        // Which endpoint each probe checks: by the graph (its fqdn built from the endpoint, a record or a stage), else by a known DNS name.
        const byEndpoint = new Map<string, PolicyResource[]>();
        const unplaced: { probe: PolicyResource; error: unknown }[] = [];
        const nameOwner = new Map<string, string>();
        endpoints.forEach((e) => index.names(e.resource).forEach((n) => nameOwner.set(n, e.resource.urn)));
        for (const probe of probes) {
            const properties = probe.type === HEALTH_CHECK ? ["fqdn", "ipAddress"] : ["runConfig", "code", "zipFile", "s3Key"];
            let target = graphSources(probe, properties).map((u) => index.endpointOf(u)).find((u) => u !== undefined);
            if (target === undefined) {
                // Each value on its own: one known during preview that names an endpoint places the
                // probe, whatever the others; one unknown decides only when no known one does.
                let unknown: unknown;
                const readers: Array<() => unknown> = [];
                if (probe.type === HEALTH_CHECK) {
                    readers.push(() => probe.props.fqdn);
                } else {
                    const variables = attempt(() => record(record(probe.props.runConfig)?.environmentVariables) ?? {});
                    unknown ??= variables.unknown;
                    const known = variables.value ?? {};
                    readers.push(...Object.keys(known).map((key) => () => known[key]));
                }
                for (const read of readers) {
                    const value = attempt(() => dnsName(read()));
                    unknown ??= value.unknown;
                    target ??= value.value ? nameOwner.get(value.value.replace(/^https?:\/\//, "").split("/")[0]) : undefined;
                }
                if (target === undefined && unknown !== undefined) {
                    unplaced.push({ probe, error: unknown });
                    continue;
                }
            }
            if (target !== undefined) {
                byEndpoint.set(target, [...(byEndpoint.get(target) ?? []), probe]);
            }
        }
        const verdicts = new Map<string, { problem?: string; error?: unknown }>();
        const assess = (probe: PolicyResource) => {
            let verdict = verdicts.get(probe.urn);
            if (!verdict) {
                try {
                    verdict = { problem: problem(probe) };
                } catch (error) {
                    if (!isUnknownValueError(error)) {
                        throw error;
                    }
                    verdict = { error };
                }
                verdicts.set(probe.urn, verdict);
            }
            return verdict;
        };

        for (const endpoint of endpoints) {
            context.judge(endpoint.resource, () => {
                if (endpoint.unknown !== undefined) {
                    throw endpoint.unknown;
                }
                const problems: string[] = [];
                let unknown: unknown;
                for (const probe of byEndpoint.get(endpoint.resource.urn) ?? []) {
                    const verdict = assess(probe);
                    if (verdict.error !== undefined) {
                        unknown ??= verdict.error;
                    } else if (verdict.problem === undefined) {
                        return;
                    } else {
                        problems.push(verdict.problem);
                    }
                }
                unknown ??= unplaced[0]?.error ?? index.unplacedRecord;
                if (unknown !== undefined) {
                    throw unknown;
                }
                report(problems.length > 0
                    ? `${endpoint.what} is probed, but ${problems.join("; ")}.`
                    : `${endpoint.what} is public but nothing probes it from outside, so an outage is noticed by users first: add an aws.route53.HealthCheck (type HTTPS, fqdn its domain) or an aws.synthetics.Canary running at least every ${config.maximumIntervalMinutes} minute(s), with a CloudWatch alarm on it.`, endpoint.resource.urn);
            });
        }
    },
});


