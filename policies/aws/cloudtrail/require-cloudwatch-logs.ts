import { resourcePolicy } from "../../lib/define";
import { isSet } from "../../lib/edge";

export default resourcePolicy({
    name: "aws-cloudtrail-require-cloudwatch-logs",
    description: "CloudTrail trails also deliver their events to CloudWatch Logs, where they can be searched and alarmed on: cloudWatchLogsGroupArn and cloudWatchLogsRoleArn are both set (CloudTrail delivers to no log group without the role it assumes to write there).",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "004.logging.log-aggregation", "002.monitoring-and-logging.log-aggregation"],
    remediationSteps: "Declare an aws.cloudwatch.LogGroup and an aws.iam.Role that cloudtrail.amazonaws.com assumes with logs:CreateLogStream and logs:PutLogEvents on that group, then set cloudWatchLogsGroupArn: pulumi.interpolate`${group.arn}:*` and cloudWatchLogsRoleArn: role.arn on the trail.",
    tags: ["observability"],
    resourceTypes: ["aws:cloudtrail/trail:Trail"],
    validate: ({ name, props }, _config, report) => {
        // Both ARNs are usually other resources' outputs, unknown during preview: only their presence is judged.
        const missing = ["cloudWatchLogsGroupArn", "cloudWatchLogsRoleArn"].filter((p) => !isSet(props, p));
        if (missing.length > 0) {
            const how = missing.length === 2 ? "delivers its events to no CloudWatch log group" : `sets ${missing[0] === "cloudWatchLogsRoleArn" ? "a log group but no role to write to it" : "a delivery role but no log group"}`;
            report(`CloudTrail trail '${name}' ${how}: set ${missing.join(" and ")} (a log group's arn with ":*", and a role cloudtrail.amazonaws.com can assume).`);
        }
    },
});
