import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../../lib/edge";
import { describeType, given, record } from "../../lib/values";
import { CLASSIC_LOAD_BALANCER_TYPES } from "./require-health-check";

export default resourcePolicy({
    name: "aws-elb-require-access-logs",
    description: "Classic Load Balancers write access logs to S3: accessLogs names a bucket and is not disabled (for a Classic Load Balancer, accessLogs.enabled defaults to true once the block is declared). Application and network load balancers are judged by aws-lb-require-access-logs.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "002.monitoring-and-logging.log-aggregation", "003.security.audit-logging"],
    remediationSteps: "Set accessLogs: { bucket: <log bucket name>, bucketPrefix: \"elb\", interval: 5 } on the load balancer; the bucket policy must let the Elastic Load Balancing log delivery service write to it.",
    tags: ["observability"],
    resourceTypes: CLASSIC_LOAD_BALANCER_TYPES,
    validate: ({ name, props }, _config, report) => {
        const where = `Classic Load Balancer '${name}'`;
        const logs = given(props.accessLogs);
        if (logs === undefined) {
            report(`${where} has no accessLogs: set accessLogs: { bucket: <log bucket>, interval: 5 }.`);
            return;
        }
        const settings = record(logs);
        if (!settings) {
            report(`${where} sets accessLogs to ${describeType(logs)}: set it to { bucket: <log bucket>, interval: 5 }.`);
            return;
        }
        // Omitted, a Classic Load Balancer's accessLogs.enabled defaults to true.
        const enabled = requireSwitch(settings.enabled, {
            where,
            property: "accessLogs.enabled",
            required: true,
            wrong: "disables its access logs (accessLogs.enabled: false)",
            fix: "remove enabled or set it to true",
            malformedFix: "set accessLogs.enabled: true",
        }, report);
        if (!enabled) {
            return;
        }
        // The bucket is usually another resource's output, unknown during preview: only its presence is judged.
        if (!isSet(settings, "bucket")) {
            report(`${where} declares accessLogs without a bucket: set accessLogs.bucket to the log bucket's name.`);
        }
    },
});
