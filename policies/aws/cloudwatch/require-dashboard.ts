import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { isUnknownValueError } from "../../lib/unknowns";
import { isRecord, records } from "../../lib/values";

const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

/** What a stack serves requests with: each needs its CPU, memory, traffic, errors and latency on a dashboard. */
const SERVICE_TYPES: Record<string, string> = {
    "aws:ecs/service:Service": "ECS service",
    "aws:lb/loadBalancer:LoadBalancer": "load balancer",
    "aws:alb/loadBalancer:LoadBalancer": "load balancer",
    "aws:apigateway/restApi:RestApi": "API Gateway REST API",
    "aws:apigatewayv2/api:Api": "API Gateway API",
    "aws:lambda/function:Function": "Lambda function",
};

/** The CloudWatch metrics (AWS/ECS, AWS/ApplicationELB, AWS/ApiGateway, AWS/Lambda, AWS/RDS, CloudWatch agent) that show each signal. */
const SIGNALS = {
    cpu: ["CPUUtilization", "cpu_usage_active"],
    memory: ["MemoryUtilization", "mem_used_percent", "FreeableMemory", "DatabaseMemoryUsagePercentage"],
    requests: ["RequestCount", "RequestCountPerTarget", "Count", "Invocations", "Requests"],
    errors: ["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "5XXError", "5xx", "Errors", "5xxErrorRate", "TotalErrorRate"],
    latency: ["TargetResponseTime", "Latency", "IntegrationLatency", "Duration", "OriginLatency"],
} as const;
type Signal = keyof typeof SIGNALS;
const ALL_SIGNALS = Object.keys(SIGNALS) as Signal[];

/** Every string in a widget's metrics: metric arrays and metric-math or SEARCH expressions. */
function strings(value: unknown, out: string[]): string[] {
    if (typeof value === "string") {
        out.push(value);
    } else if (Array.isArray(value)) {
        value.forEach((v) => strings(v, out));
    } else if (isRecord(value)) {
        Object.values(value).forEach((v) => strings(v, out));
    }
    return out;
}

/** The signals a dashboard body shows, or why the body cannot be read. */
function signalsOf(body: unknown): { shown: Set<Signal>; error?: string } {
    let parsed: unknown = body;
    if (typeof body === "string") {
        try {
            parsed = JSON.parse(body);
        } catch {
            return { shown: new Set(), error: "dashboardBody is not valid JSON" };
        }
    }
    if (!isRecord(parsed)) {
        return { shown: new Set(), error: "dashboardBody has no widgets" };
    }
    const words = new Set<string>();
    for (const widget of records(parsed.widgets)) {
        const properties = isRecord(widget.properties) ? widget.properties : {};
        for (const s of strings([properties.metrics, properties.annotations], [])) {
            s.split(/[^A-Za-z0-9_]+/).forEach((w) => w && words.add(w));
        }
    }
    return { shown: new Set(ALL_SIGNALS.filter((signal) => SIGNALS[signal].some((metric) => words.has(metric)))) };
}

export default stackPolicy({
    name: "aws-cloudwatch-require-dashboard",
    description: "A stack that serves requests (ECS services, load balancers, API Gateway APIs, Lambda functions) has CloudWatch dashboards that together show CPU, memory, request rate, error rate and latency.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.monitoring-dashboards", "004.metrics-monitoring.monitoring-dashboard", "002.monitoring-and-logging.performance-monitoring"],
    remediationSteps: "Add an aws.cloudwatch.Dashboard whose dashboardBody has metric widgets for CPUUtilization, MemoryUtilization, RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime (p50/p95/p99) of the service and its load balancer.",
    tags: ["observability"],
    config: {
        signals: {
            type: "array", items: { type: "string", enum: ALL_SIGNALS }, uniqueItems: true, default: ALL_SIGNALS,
            description: "The signals the dashboards must show. Default all five: 003 (Monitoring dashboards) asks for CPU, memory, request rate, error rate and response time; 004 for request metrics and error rates.",
        },
    },
    resourceTypes: [...Object.keys(SERVICE_TYPES), DASHBOARD],
    validate: (resources, config, report, context) => {
        const services = resources.filter((r) => SERVICE_TYPES[r.type] !== undefined);
        if (services.length === 0) {
            return;
        }
        const dashboards = ofTypes(resources, [DASHBOARD]);
        const shown = new Set<Signal>();
        let unknown: unknown;
        for (const dashboard of dashboards) {
            context.judge(dashboard, () => {
                try {
                    const result = signalsOf(dashboard.props.dashboardBody);
                    result.shown.forEach((s) => shown.add(s));
                    if (result.error) {
                        report(`CloudWatch dashboard '${dashboard.name}': ${result.error}: set it to the JSON of a dashboard with metric widgets (pulumi.jsonStringify({ widgets: [...] })).`, dashboard.urn);
                    }
                } catch (error) {
                    if (isUnknownValueError(error)) {
                        unknown ??= error;
                    }
                    throw error;
                }
            });
        }
        const missing = config.signals.filter((s) => !shown.has(s));
        if (dashboards.length === 0) {
            for (const service of services) {
                report(`The stack has no CloudWatch dashboard, so nobody can see how ${SERVICE_TYPES[service.type]} '${service.name}' performs: add an aws.cloudwatch.Dashboard with widgets for ${describeSignals(config.signals)}.`, service.urn);
            }
            return;
        }
        if (missing.length === 0) {
            return;
        }
        for (const dashboard of dashboards) {
            context.judge(dashboard, () => {
                if (unknown !== undefined) {
                    // A dashboard whose body is unknown during preview may show what is missing.
                    throw unknown;
                }
                const subject = dashboards.length > 1 ? `CloudWatch dashboard '${dashboard.name}' and the stack's ${dashboards.length - 1} other dashboard(s) show` : `CloudWatch dashboard '${dashboard.name}' shows`;
                report(`${subject} no ${describeSignals(missing)} of the stack's ${describeServices(services)}: add metric widgets for ${missing.map((s) => SIGNALS[s][0]).join(", ")}.`, dashboard.urn);
            });
        }
    },
});

function describeServices(services: readonly { type: string }[]): string {
    return [...new Set(services.map((s) => `${SERVICE_TYPES[s.type]}s`))].join(", ");
}

function describeSignals(signals: readonly string[]): string {
    const words: Record<string, string> = { cpu: "CPU", memory: "memory", requests: "request rate", errors: "error rate", latency: "latency" };
    return signals.map((s) => words[s] ?? s).join(", ");
}
