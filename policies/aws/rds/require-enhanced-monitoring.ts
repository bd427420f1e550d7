import { resourcePolicy } from "../../lib/define";
import { describeType, given, integer, isDeclared, text } from "../../lib/values";

/** The collection intervals RDS accepts, in seconds (0 turns Enhanced Monitoring off). */
const INTERVALS = [0, 1, 5, 10, 15, 30, 60];

export default resourcePolicy({
    name: "aws-rds-require-enhanced-monitoring",
    description: "RDS instances, Aurora instances and Multi-AZ DB clusters collect Enhanced Monitoring metrics (operating-system CPU, memory, disk and process figures) at least every 60 seconds, with the IAM role RDS needs to publish them. Aurora clusters set it on each cluster instance, so the cluster itself is not judged.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.database-setup.database-monitoring", "004.metrics-monitoring.infrastructure-metrics"],
    remediationSteps: "Set monitoringInterval to 60 or less (1, 5, 10, 15, 30 or 60) and monitoringRoleArn to a role that trusts monitoring.rds.amazonaws.com and has the AmazonRDSEnhancedMonitoringRole policy.",
    tags: ["observability"],
    config: {
        maximumSeconds: {
            type: "integer", minimum: 1, maximum: 60, default: 60,
            description: "Longest accepted collection interval, in seconds. Default 60, the longest interval RDS offers: 002 asks for database performance monitoring and 004 for disk and memory metrics, which only Enhanced Monitoring collects for RDS.",
        },
    },
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, config, report) => {
        if (type === "aws:rds/cluster:Cluster" && !["mysql", "postgres"].includes(text(given(props.engine)) ?? "")) {
            return; // only Multi-AZ DB clusters (engine mysql or postgres) take monitoringInterval
        }
        const where = `${type === "aws:rds/cluster:Cluster" ? "RDS cluster" : type === "aws:rds/clusterInstance:ClusterInstance" ? "RDS cluster instance" : "RDS instance"} '${name}'`;
        const allowed = INTERVALS.filter((i) => i > 0 && i <= config.maximumSeconds);
        const fix = `set monitoringInterval to ${allowed.join(", ")} seconds and monitoringRoleArn to the Enhanced Monitoring role`;
        const value = given(props.monitoringInterval);
        if (value === undefined) {
            report(`${where} omits monitoringInterval, so Enhanced Monitoring is off: ${fix}.`);
            return;
        }
        const seconds = integer(value);
        if (seconds === undefined) {
            report(`${where} sets monitoringInterval to ${describeType(value)}, not a whole number: ${fix}.`);
        } else if (seconds === 0) {
            report(`${where} sets monitoringInterval to 0, which turns Enhanced Monitoring off: ${fix}.`);
        } else if (!INTERVALS.includes(seconds)) {
            report(`${where} sets monitoringInterval to ${seconds}, which RDS rejects (it accepts ${INTERVALS.slice(1).join(", ")}): ${fix}.`);
        } else if (seconds > config.maximumSeconds) {
            report(`${where} sets monitoringInterval to ${seconds} seconds, above the maximum ${config.maximumSeconds}: ${fix}.`);
        } else if (!isDeclared(props, "monitoringRoleArn")) {
            report(`${where} sets monitoringInterval but no monitoringRoleArn, which RDS rejects: set monitoringRoleArn to a role that trusts monitoring.rds.amazonaws.com with the AmazonRDSEnhancedMonitoringRole policy.`);
        }
    },
});
