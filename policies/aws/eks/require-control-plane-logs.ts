import { resourcePolicy } from "../../lib/define";
import { missingEntries } from "../../lib/checks";
import { describeType, given, text } from "../../lib/values";

const LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

export default resourcePolicy({
    name: "aws-eks-require-control-plane-logs",
    description: "EKS clusters send the required control-plane log types (by default api, audit and authenticator) to CloudWatch Logs through enabledClusterLogTypes; EKS sends none when it is omitted.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.audit-logging", "002.security-configuration.audit-logging", "003.monitoring-logging.log-aggregation"],
    remediationSteps: "Set enabledClusterLogTypes to include every required type, e.g. [\"api\", \"audit\", \"authenticator\"].",
    tags: ["observability"],
    config: {
        requiredLogTypes: {
            type: "array",
            items: { type: "string", enum: LOG_TYPES },
            uniqueItems: true,
            default: ["api", "audit", "authenticator"],
            description: "Control-plane log types every cluster must enable. Default api, audit and authenticator: 003 and 002 ask for audit logging (who called the API server and how they authenticated).",
        },
    },
    resourceTypes: ["aws:eks/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        const where = `EKS cluster '${name}'`;
        const value = given(props.enabledClusterLogTypes);
        if (value !== undefined && !Array.isArray(value)) {
            report(`${where} sets enabledClusterLogTypes to ${describeType(value)}, not a list: set it to [${config.requiredLogTypes.map((t) => `"${t}"`).join(", ")}].`);
            return;
        }
        // A log type unknown during preview decides only when a known one is missing.
        const missing = missingEntries(value, config.requiredLogTypes, text);
        if (missing.length > 0) {
            const how = value === undefined ? "omits enabledClusterLogTypes, so EKS sends no control-plane logs" : "does not enable every required control-plane log type";
            report(`${where} ${how} (missing ${missing.join(", ")}): add ${missing.map((t) => `"${t}"`).join(", ")} to enabledClusterLogTypes.`);
        }
    },
});
