import { resourcePolicy } from "../../lib/define";
import { knownItems } from "../../lib/unknowns";
import { describeType, given, isRecord, text } from "../../lib/values";

const LEVELS = ["enabled", "enhanced"] as const;

export default resourcePolicy({
    name: "aws-ecs-require-container-insights",
    description: "ECS clusters collect CloudWatch Container Insights metrics (CPU, memory, network and storage per cluster, service and task): settings has containerInsights set to \"enabled\" or \"enhanced\" (or \"enhanced\" only, with requireEnhanced). A cluster that omits the setting follows the account's containerInsights default, which AWS leaves off.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.metrics-monitoring.infrastructure-metrics", "002.monitoring-and-logging.performance-monitoring"],
    remediationSteps: "Add { name: \"containerInsights\", value: \"enhanced\" } (or \"enabled\") to the cluster's settings.",
    tags: ["observability"],
    config: {
        requireEnhanced: {
            type: "boolean",
            default: false,
            description: "Accept only Container Insights with enhanced observability (per-task and per-container metrics). Default false: 004 asks for CPU, memory, disk and network metrics, which the standard level (\"enabled\") already collects per cluster and service.",
        },
    },
    resourceTypes: ["aws:ecs/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        const where = `ECS cluster '${name}'`;
        const accepted: readonly string[] = config.requireEnhanced ? ["enhanced"] : LEVELS;
        const wanted = accepted.map((v) => `"${v}"`).join(" or ");
        const settings = given(props.settings);
        if (settings !== undefined && !Array.isArray(settings)) {
            report(`${where} sets settings to ${describeType(settings)}, not a list: set settings: [{ name: "containerInsights", value: ${wanted} }].`);
            return;
        }
        // A setting unknown during preview decides only when no known one is containerInsights.
        const known = knownItems(settings);
        const insights = known.items.filter((s) => isRecord(s) && text(s.name) === "containerInsights");
        if (insights.length === 0 && known.unknown !== undefined) {
            throw known.unknown;
        }
        if (insights.length === 0) {
            report(`${where} does not set containerInsights, so it follows the account default (off): add { name: "containerInsights", value: ${wanted} } to settings.`);
            return;
        }
        const value = isRecord(insights[0]) ? insights[0].value : undefined;
        const level = text(value)?.trim().toLowerCase();
        if (level === undefined || !accepted.includes(level)) {
            report(`${where} sets containerInsights to ${level === undefined ? describeType(value) : `"${level}"`}: set its value to ${wanted}.`);
        }
    },
});
