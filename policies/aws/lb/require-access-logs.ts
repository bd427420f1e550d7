import { resourcePolicy } from "../../lib/define";
import { isSet, LOAD_BALANCER_TYPES } from "../../lib/edge";
import { bool, describeType, given, record } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lb-require-access-logs",
    description: "Application and network load balancers write access logs to S3.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "002.monitoring-and-logging.log-aggregation", "003.security.audit-logging"],
    remediationSteps: "Set accessLogs: { bucket: <log bucket name>, enabled: true } on the load balancer; the bucket policy must let the ELB log delivery service write to it.",
    tags: ["observability"],
    resourceTypes: LOAD_BALANCER_TYPES,
    validate: ({ name, props }, _config, report) => {
        // Gateway load balancers have no access logs.
        if (props.loadBalancerType === "gateway") {
            return;
        }
        const where = `Load balancer '${name}'`;
        const logs = given(props.accessLogs);
        if (logs === undefined) {
            report(`${where} has no accessLogs: set accessLogs: { bucket: <log bucket>, enabled: true }.`);
            return;
        }
        const settings = record(logs);
        if (!settings) {
            report(`${where} sets accessLogs to ${describeType(logs)}: set it to { bucket: <log bucket>, enabled: true }.`);
            return;
        }
        if (bool(settings.enabled) !== true) {
            report(`${where} does not enable its access logs (accessLogs.enabled defaults to false even with a bucket): set accessLogs.enabled: true.`);
            return;
        }
        // The bucket is usually another resource's output, unknown during preview: only its presence is judged.
        if (!isSet(settings, "bucket")) {
            report(`${where} enables access logs without a bucket: set accessLogs.bucket to the log bucket's name.`);
        }
    },
});
