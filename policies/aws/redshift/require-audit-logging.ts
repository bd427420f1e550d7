import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { given, isDeclared, isGiven, text } from "../../lib/values";

/** undefined when the Logging resource delivers audit logs somewhere, else what it lacks. */
function problem(logging: PolicyResource): string | undefined {
    const destination = text(given(logging.props.logDestinationType)) ?? (isDeclared(logging.props, "bucketName") ? "s3" : undefined);
    if (destination === "cloudwatch") {
        return isGiven(logging.props.logExports) ? undefined : `aws.redshift.Logging '${logging.name}' sends to CloudWatch Logs without logExports`;
    }
    if (destination === "s3") {
        return isDeclared(logging.props, "bucketName") ? undefined : `aws.redshift.Logging '${logging.name}' sends to S3 without bucketName`;
    }
    return `aws.redshift.Logging '${logging.name}' names no logDestinationType`;
}

export default stackPolicy({
    name: "aws-redshift-require-audit-logging",
    description: "Every Redshift cluster has audit logging turned on: an aws.redshift.Logging resource names it and delivers its connection and user logs to CloudWatch Logs (with logExports) or to an S3 bucket.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.audit-logging", "002.security-configuration.audit-logging", "000.compliance-audit.audit-trail"],
    remediationSteps: "Add an aws.redshift.Logging with clusterIdentifier: <cluster>.clusterIdentifier, logDestinationType: \"cloudwatch\" and logExports: [\"connectionlog\", \"userlog\", \"useractivitylog\"] (or logDestinationType \"s3\" with bucketName).",
    tags: ["observability"],
    resourceTypes: ["aws:redshift/cluster:Cluster", "aws:redshift/logging:Logging"],
    validate: (resources, _config, report, context) => {
        const clusters = ofTypes(resources, ["aws:redshift/cluster:Cluster"]);
        if (clusters.length === 0) {
            return;
        }
        const loggings = ofTypes(resources, ["aws:redshift/logging:Logging"]);
        const judge = linkJudge(indexLinks(clusters, loggings, "clusterIdentifier", (c) => [c.props.clusterIdentifier]), problem);
        for (const cluster of clusters) {
            context.judge(cluster, () => {
                const problems = judge(cluster);
                if (problems !== undefined) {
                    report(`Redshift cluster '${cluster.name}' has no audit logging${problems.length ? ` (${problems.join("; ")})` : ""}: add an aws.redshift.Logging with clusterIdentifier naming it, logDestinationType "cloudwatch" and logExports (or "s3" with bucketName).`, cluster.urn);
                }
            });
        }
    },
});
