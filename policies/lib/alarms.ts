// CloudWatch metric alarms as the alarm policies read them: which resource an alarm watches (by the
// dimensions of the metrics it reads, joined through the dependency graph first), which metric,
// statistic and threshold it compares, and whether it notifies anyone.
import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, LinkIndex, linkJudge, ofTypes } from "./aws";
import { isUnknownValueError } from "./unknowns";
import { at, isGiven, Props, record, records, text } from "./values";

export const METRIC_ALARM_TYPES: readonly string[] = ["aws:cloudwatch/metricAlarm:MetricAlarm"];

/** A kind of resource that alarms name in their metrics' dimensions. */
export interface WatchedKind {
    types: readonly string[];
    /** How messages name it: "load balancer". */
    kind: string;
    /** The dimensions that name it; the first is the one messages advise. */
    dimensions: readonly string[];
    /** The strings a dimension value may name the resource by (its name or identifier). */
    keys: (resource: PolicyResource) => unknown[];
    /** Turns a dimension value into the key it names (a cache node group's id into its replication group's). */
    normalize?: (value: string) => string;
}

const LB_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

export const LOAD_BALANCER: WatchedKind = { types: LB_TYPES, kind: "load balancer", dimensions: ["LoadBalancer"], keys: (r) => [r.props.name] };
export const TARGET_GROUP: WatchedKind = {
    types: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"], kind: "target group", dimensions: ["TargetGroup"], keys: (r) => [r.props.name],
};
export const ECS_SERVICE: WatchedKind = { types: ["aws:ecs/service:Service"], kind: "ECS service", dimensions: ["ServiceName"], keys: (r) => [r.props.name] };
export const RDS_CLUSTER: WatchedKind = { types: ["aws:rds/cluster:Cluster"], kind: "RDS cluster", dimensions: ["DBClusterIdentifier"], keys: (r) => [r.props.clusterIdentifier] };
export const RDS_INSTANCE: WatchedKind = { types: ["aws:rds/instance:Instance"], kind: "RDS instance", dimensions: ["DBInstanceIdentifier"], keys: (r) => [r.props.identifier] };
export const SQS_QUEUE: WatchedKind = { types: ["aws:sqs/queue:Queue"], kind: "SQS queue", dimensions: ["QueueName"], keys: (r) => [r.props.name] };
// A certificate's ARN is known only after it is created: alarms are joined to it through the graph.
export const ACM_CERTIFICATE: WatchedKind = { types: ["aws:acm/certificate:Certificate"], kind: "ACM certificate", dimensions: ["CertificateArn"], keys: () => [] };
// ElastiCache publishes per node group: CacheClusterId "<replication group id>-001" names the group.
const nodeGroupOf = (value: string) => value.replace(/-\d{3}$/, "");
export const CACHE_REPLICATION_GROUP: WatchedKind = {
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"], kind: "ElastiCache replication group", dimensions: ["CacheClusterId", "ReplicationGroupId"],
    keys: (r) => [r.props.replicationGroupId], normalize: nodeGroupOf,
};
export const CACHE_CLUSTER: WatchedKind = {
    types: ["aws:elasticache/cluster:Cluster"], kind: "ElastiCache cluster", dimensions: ["CacheClusterId"], keys: (r) => [r.props.clusterId],
};

/** One metric an alarm reads. */
export interface MetricRead {
    namespace?: string;
    metricName?: string;
    /** `statistic` or `extendedStatistic` (alarm), `stat` (metric-math query). */
    statistic?: string;
    dimensions: Props;
}

/** The dimension maps an alarm names resources with through `property`: its own, or its metric-math queries'. */
function dimensionMaps(alarm: PolicyResource, property: "dimensions" | "metricQueries"): Props[] {
    if (property === "dimensions") {
        return [record(alarm.props.dimensions) ?? {}];
    }
    return records(alarm.props.metricQueries).map((q) => record(at(q, "metric", "dimensions")) ?? {});
}

/** The metrics an alarm reads: its own, or those of its metric-math queries, with the one its threshold compares. */
function metricsOf(props: Props): { metrics: MetricRead[]; compared?: MetricRead } {
    if (isGiven(props.metricName)) {
        const own = {
            namespace: text(props.namespace), metricName: text(props.metricName),
            statistic: text(props.extendedStatistic) ?? text(props.statistic), dimensions: record(props.dimensions) ?? {},
        };
        return { metrics: [own], compared: own };
    }
    const queries = records(props.metricQueries);
    const reads = queries.map((q): MetricRead | undefined => {
        const metric = record(q.metric);
        return metric && { namespace: text(metric.namespace), metricName: text(metric.metricName), statistic: text(metric.stat), dimensions: record(metric.dimensions) ?? {} };
    });
    // The threshold compares the query that returns data; when that is an expression, its unit is its own.
    const returned = queries.length === 1 ? 0 : queries.findIndex((q) => q.returnData === true || q.returnData === "true");
    return { metrics: reads.filter((m): m is MetricRead => m !== undefined), compared: returned >= 0 ? reads[returned] : undefined };
}

/**
 * True when the dimension is set. Only its presence matters here: a value unknown during preview
 * (a name or ARN suffix the cloud assigns) will be a string once deployed, so it counts as set.
 */
function hasDimension(dimensions: Props, dimension: string): boolean {
    if (!Object.keys(dimensions).includes(dimension)) {
        return false;
    }
    try {
        return isGiven(dimensions[dimension]);
    } catch (error) {
        if (isUnknownValueError(error)) {
            return true;
        }
        throw error;
    }
}

/** One way an alarm may meet a requirement: a metric, the direction it alarms in, and how far it may wait. */
export interface Signal {
    metric: string;
    /** "above": alarms when the metric rises over `limit`; "below": when it falls under it. */
    direction: "above" | "below";
    /** The alarm must fire on every value past this one; undefined: any threshold in that direction. */
    limit?: number;
    /** Unit of the limit in messages: "s", "%", "bytes", "day(s)". */
    unit?: string;
    /** A whole-number metric (a count of hosts, days): >= n+1 is then the same as > n. */
    whole?: boolean;
}

/** What a policy requires of the alarms on one resource. */
export interface AlarmRequirement {
    /** What the alarm is about, in messages: "5XX errors". */
    label: string;
    /** Accepted namespaces; empty with `signals` empty: any alarm that notifies. */
    namespaces: readonly string[];
    /** Accepted ways; any one suffices. Empty: any metric. */
    signals: readonly Signal[];
    /** Accepted statistics of the metric; undefined: any. */
    statistic?: { accepts: (statistic: string) => boolean; wanted: string };
    /** Dimensions CloudWatch needs besides the resource's own to publish the metric (a target group's LoadBalancer). */
    alsoDimensions?: readonly string[];
    /** The alarm to add, as its arguments: "metricName TargetResponseTime, extendedStatistic p95, ...". */
    advice: string;
}

const ABOVE = ["GreaterThanThreshold", "GreaterThanOrEqualToThreshold"];
const BELOW = ["LessThanThreshold", "LessThanOrEqualToThreshold"];
const BAND: ReadonlyMap<string, readonly Signal["direction"][]> = new Map([
    ["GreaterThanUpperThreshold", ["above"]],
    ["LessThanLowerThreshold", ["below"]],
    ["LessThanLowerOrGreaterThanUpperThreshold", ["above", "below"]],
]);

/** Accepts percentile statistics at or above `minimum` (p95, p99, p99.9): a higher percentile alarms at least as early. */
export function percentileAtLeast(minimum: number): NonNullable<AlarmRequirement["statistic"]> {
    return {
        accepts: (statistic) => {
            const match = /^p(\d+(?:\.\d+)?)$/i.exec(statistic.trim());
            return match !== null && Number(match[1]) >= minimum && Number(match[1]) <= 100;
        },
        wanted: `extendedStatistic p${minimum} or a higher percentile`,
    };
}

function formatLimit(value: number, unit?: string): string {
    return unit === "%" ? `${value}%` : `${value}${unit ? ` ${unit}` : ""}`;
}

/**
 * Why `alarm` does not meet `requirement`: undefined when it does, "" when it reads none of the
 * required metrics (not worth naming), else the reason. Reads the metric names first, so a value
 * unknown during preview on an unrelated alarm is never touched.
 */
export function alarmProblem(alarm: PolicyResource, requirement: AlarmRequirement): string | undefined {
    const where = `alarm '${alarm.name}'`;
    if (requirement.signals.length > 0) {
        const { metrics, compared } = metricsOf(alarm.props);
        const wanted = new Set(requirement.signals.map((s) => s.metric));
        const matches = (m: MetricRead) => m.metricName !== undefined && wanted.has(m.metricName) && requirement.namespaces.includes(m.namespace ?? "");
        const read = compared && matches(compared) ? compared : metrics.find(matches);
        if (!read) {
            return "";
        }
        const missingDimension = (requirement.alsoDimensions ?? []).find((d) => !hasDimension(read.dimensions, d));
        if (missingDimension) {
            return `${where} names no ${missingDimension} dimension, without which CloudWatch publishes no ${read.metricName}`;
        }
        if (requirement.statistic && !requirement.statistic.accepts(read.statistic ?? "")) {
            return `${where} reads ${read.metricName} with statistic ${read.statistic ?? "unset"}, not ${requirement.statistic.wanted}`;
        }
        const operator = text(alarm.props.comparisonOperator) ?? "";
        // Anomaly-detection operators compare with a band (thresholdMetricId), not a fixed threshold.
        const band = BAND.get(operator);
        const directions = band ?? (ABOVE.includes(operator) ? ["above"] : BELOW.includes(operator) ? ["below"] : []);
        const signal = requirement.signals.find((s) => s.metric === read.metricName && directions.includes(s.direction));
        if (!signal) {
            const ways = requirement.signals.filter((s) => s.metric === read.metricName).map((s) => s.direction === "above" ? "GreaterThanThreshold" : "LessThanThreshold");
            return `${where} compares ${read.metricName} with ${operator || "no comparisonOperator"}, not ${[...new Set(ways)].join(" or ")}`;
        }
        // An expression's threshold is in the expression's own unit: only its direction can be judged.
        if (signal.limit !== undefined && compared === read && !band) {
            const threshold = Number(alarm.props.threshold);
            if (!isGiven(alarm.props.threshold) || !Number.isFinite(threshold)) {
                return `${where} sets no numeric threshold`;
            }
            const orEqual = operator.includes("OrEqualTo");
            if (signal.direction === "above") {
                const firesOver = orEqual && signal.whole ? threshold - 1 : threshold;
                if (firesOver > signal.limit) {
                    return `${where} alarms on ${read.metricName} ${orEqual ? "at or above" : "above"} ${formatLimit(threshold, signal.unit)}, later than the limit ${formatLimit(signal.limit, signal.unit)}`;
                }
            } else {
                const firesUnder = orEqual && signal.whole ? threshold + 1 : threshold;
                if (firesUnder < signal.limit) {
                    return `${where} alarms on ${read.metricName} ${orEqual ? "at or below" : "below"} ${formatLimit(threshold, signal.unit)}, later than the limit ${formatLimit(signal.limit, signal.unit)}`;
                }
            }
        }
    }
    return isGiven(alarm.props.alarmActions) ? undefined : `${where} sets no alarmActions`;
}

/** The alarms that name resources of one kind, indexed once per stack. */
export interface AlarmWatch {
    /**
     * Undefined when an alarm naming `resource` meets `requirement`, else why the alarms that read
     * its metric do not (empty: none does). Throws the SDK's unknown-value error when a value
     * unknown during preview could change the answer, for `context.judge` to report this resource alone.
     */
    missing(resource: { urn: string }, requirement: AlarmRequirement): string[] | undefined;
}

/** The metric alarms of a stack. */
export function metricAlarms(resources: readonly PolicyResource[]): PolicyResource[] {
    return ofTypes(resources, METRIC_ALARM_TYPES);
}

/** Joins `alarms` to `watched` resources of `kind` through each alarm's own dimensions and its metric-math queries'. */
export function watchAlarms(watched: readonly PolicyResource[], alarms: readonly PolicyResource[], kind: WatchedKind): AlarmWatch {
    const normalize = kind.normalize ?? ((v: string) => v);
    const indexes: LinkIndex[] = (["dimensions", "metricQueries"] as const).map((property) => indexLinks(watched, alarms, property, kind.keys,
        (alarm) => dimensionMaps(alarm, property).flatMap((dims) => kind.dimensions.map((d) => dims[d]))
            .map((v) => typeof v === "string" ? normalize(v) : v)));
    return {
        missing: (resource, requirement) => {
            // Met through either property passes, even when the other one is unknown.
            const problems: string[] = [];
            let unknown: unknown;
            for (const index of indexes) {
                try {
                    const found = linkJudge(index, (alarm) => alarmProblem(alarm, requirement))(resource);
                    if (found === undefined) {
                        return undefined;
                    }
                    problems.push(...found.filter((p) => p !== ""));
                } catch (error) {
                    if (!isUnknownValueError(error)) {
                        throw error;
                    }
                    unknown ??= error;
                }
            }
            if (unknown !== undefined) {
                throw unknown;
            }
            return [...new Set(problems)];
        },
    };
}

/**
 * Reports each requirement that no alarm on `resource` meets, naming the alarm to add; a
 * requirement that a value unknown during preview leaves open decides only when no other is
 * reported missing, as a known violation already decides the resource's verdict.
 */
export function requireAlarms(
    watch: AlarmWatch,
    resource: PolicyResource,
    kind: WatchedKind,
    requirements: readonly AlarmRequirement[],
    report: (message: string, urn?: string) => void,
): void {
    let unknown: unknown;
    let reported = false;
    for (const requirement of requirements) {
        let problems: string[] | undefined;
        try {
            problems = watch.missing(resource, requirement);
        } catch (error) {
            if (!isUnknownValueError(error)) {
                throw error;
            }
            unknown ??= error;
            continue;
        }
        if (problems !== undefined) {
            reported = true;
            const why = problems.length ? ` (${problems.join("; ")})` : "";
            report(`${kind.kind} '${resource.name}' has no CloudWatch alarm with alarmActions on ${requirement.label}${why}: add an aws.cloudwatch.MetricAlarm with ${requirement.advice}, dimensions { ${[kind.dimensions[0], ...(requirement.alsoDimensions ?? [])].map((d) => `${d}: ...`).join(", ")} } and alarmActions [<SNS topic ARN>].`, resource.urn);
        }
    }
    if (unknown !== undefined && !reported) {
        throw unknown;
    }
}
