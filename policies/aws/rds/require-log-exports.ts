import { resourcePolicy } from "../../lib/define";
import { missingEntries } from "../../lib/checks";
import { describeType, given, text } from "../../lib/values";

/** The config setting that lists the logs an engine must export, by engine name. */
function family(engine: string): "postgresqlLogs" | "mysqlLogs" | "auroraMysqlLogs" | "oracleLogs" | "sqlserverLogs" | "db2Logs" | undefined {
    const value = engine.toLowerCase();
    if (value === "postgres" || value === "aurora-postgresql") {
        return "postgresqlLogs";
    }
    if (value === "mysql" || value === "mariadb") {
        return "mysqlLogs";
    }
    if (value === "aurora-mysql" || value === "aurora") {
        return "auroraMysqlLogs";
    }
    if (value.startsWith("oracle-")) {
        return "oracleLogs";
    }
    if (value.startsWith("sqlserver-")) {
        return "sqlserverLogs";
    }
    if (value.startsWith("db2-")) {
        return "db2Logs";
    }
    return undefined; // RDS Custom (custom-*) exports no logs to CloudWatch; other engines are not RDS's
}

const logList = (defaults: readonly string[], description: string) => ({
    type: "array", items: { type: "string" }, default: [...defaults], description,
} as const);

export default resourcePolicy({
    name: "aws-rds-require-log-exports",
    description: "RDS instances, Aurora clusters and Multi-AZ DB clusters export their engine's error and audit logs to CloudWatch Logs (enabledCloudwatchLogsExports), per engine family. Aurora Serverless v1 clusters (engineMode serverless) and Aurora instances, whose logs their cluster exports, are not judged; neither is an instance whose engine is not set (a read replica takes its source's engine).",
    priority: "P1",
    severity: "medium",
    checklist: ["000.monitoring-observability.log-aggregation", "002.monitoring-and-logging.log-aggregation", "003.monitoring-logging.log-aggregation"],
    remediationSteps: "Set enabledCloudwatchLogsExports to the engine's logs: [\"postgresql\"] for PostgreSQL, [\"audit\", \"error\"] for Aurora MySQL, [\"error\"] for MySQL and MariaDB, [\"alert\", \"audit\"] for Oracle, [\"error\"] for SQL Server, [\"diag.log\"] for Db2.",
    tags: ["observability"],
    config: {
        postgresqlLogs: logList(["postgresql"], "Logs RDS for PostgreSQL and Aurora PostgreSQL must export. Default [\"postgresql\"]: the server log, where errors and pgaudit's audit records go (000, 002, 003: log aggregation; 003: audit logging). An empty list judges no PostgreSQL database."),
        mysqlLogs: logList(["error"], "Logs RDS for MySQL and MariaDB instances and Multi-AZ MySQL clusters must export. Default [\"error\"]: the error log, which every MySQL deployment can export (000, 002, 003: log aggregation); add \"audit\" where the MariaDB audit plugin option is on."),
        auroraMysqlLogs: logList(["audit", "error"], "Logs Aurora MySQL clusters must export. Default [\"audit\", \"error\"]: the Advanced Auditing log (003: audit logging) and the error log (000, 002, 003: log aggregation)."),
        oracleLogs: logList(["alert", "audit"], "Logs RDS for Oracle must export. Default [\"alert\", \"audit\"]: the alert log (000, 002, 003: log aggregation) and the audit files (003: audit logging)."),
        sqlserverLogs: logList(["error"], "Logs RDS for SQL Server must export. Default [\"error\"]: the SQL Server error log (000, 002, 003: log aggregation)."),
        db2Logs: logList(["diag.log"], "Logs RDS for Db2 must export. Default [\"diag.log\"]: the diagnostic log, where Db2 writes its errors (000, 002, 003: log aggregation)."),
    },
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, config, report) => {
        const cluster = type === "aws:rds/cluster:Cluster";
        if (cluster && text(given(props.engineMode)) === "serverless") {
            return; // Aurora Serverless v1 publishes its logs through its parameter group
        }
        const engine = text(given(props.engine));
        const setting = engine === undefined ? undefined : family(engine);
        if (engine === undefined || setting === undefined) {
            return;
        }
        if (!cluster && engine.startsWith("aurora")) {
            return; // an Aurora instance's logs are exported by its cluster
        }
        const required = config[setting];
        if (required.length === 0) {
            return;
        }
        const where = `${cluster ? "RDS cluster" : "RDS instance"} '${name}' (${engine})`;
        const fix = `set enabledCloudwatchLogsExports to include ${required.map((l) => `"${l}"`).join(", ")}`;
        const exports = given(props.enabledCloudwatchLogsExports);
        if (exports === undefined) {
            report(`${where} exports no logs to CloudWatch (enabledCloudwatchLogsExports omitted): ${fix}.`);
            return;
        }
        if (!Array.isArray(exports)) {
            report(`${where} sets enabledCloudwatchLogsExports to ${describeType(exports)}, not a list: ${fix}.`);
            return;
        }
        // A log type unknown during preview decides only when a known one is missing.
        const missing = missingEntries(exports, required, text);
        if (missing.length > 0) {
            report(`${where} does not export ${missing.map((l) => `"${l}"`).join(", ")} to CloudWatch: ${fix}.`);
        }
    },
});
