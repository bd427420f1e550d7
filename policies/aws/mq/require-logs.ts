import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { describeType, given, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-mq-require-logs",
    description: "Amazon MQ brokers publish their general logs to CloudWatch Logs, and ActiveMQ brokers also their audit logs (user management through JMX or the web console); RabbitMQ has no audit log.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "004.logging.log-aggregation", "002.monitoring-and-logging.log-aggregation", "003.security.audit-logging"],
    remediationSteps: "Set logs: { general: true, audit: true } on ActiveMQ brokers and logs: { general: true } on RabbitMQ brokers.",
    tags: ["observability"],
    config: {
        requireAuditLogs: {
            type: "boolean", default: true,
            description: "Require audit logs on ActiveMQ brokers. Default true: 003 asks for audit logging to be enabled.",
        },
    },
    resourceTypes: ["aws:mq/broker:Broker"],
    validate: ({ name, props }, config, report) => {
        const where = `MQ broker '${name}'`;
        const logs = given(props.logs);
        if (logs !== undefined && record(logs) === undefined) {
            report(`${where} sets logs to ${describeType(logs)}, not an object: set logs: { general: true }.`);
            return;
        }
        // General and audit logs apart: one setting unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => requireTrue(record(logs)?.general, where, "logs.general", "so the broker publishes no logs (the default is false)", "set logs.general: true", parts.report));
        // Only ActiveMQ has audit logs; an engine type that cannot be read is not assumed to be ActiveMQ.
        parts.judge(() => {
            if (config.requireAuditLogs && text(props.engineType)?.trim().toLowerCase() === "activemq") {
                requireTrue(record(logs)?.audit, where, "logs.audit", "so user management through JMX or the web console is not recorded (the default is false)", "set logs.audit: true", parts.report);
            }
        });
        parts.settle();
    },
});
